# Phần Markdown của các trang: shortcode, liên kết, neo (anchor).
markdown-no-shortcode = không có shortcode `{ $name }`
markdown-shortcode-hint = hãy viết như {"{{"} chart(indicator="ID", kind="trend") {"}}"}
markdown-broken-anchor = liên kết `{ $link }` trỏ tới một neo (anchor) mà trang đó không có
markdown-unsafe-link = liên kết `{ $link }` sẽ chạy mã lệnh trên trình duyệt của người đọc nên đã bị gỡ bỏ
markdown-unsafe-link-hint = hãy liên kết tới một trang web (https://…), một địa chỉ thư điện tử (mailto:…) hoặc một trang của trang web này (@/…)
