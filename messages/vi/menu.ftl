# `[[menu]]` trong site-config.toml: các liên kết ở đầu trang.
# `{ $number }` đếm các mục từ 1, theo thứ tự viết.
menu-no-name = mục menu thứ { $number } chưa có `name`
menu-no-name-hint = hãy ghi chữ hiển thị ở đầu trang, như name = "Tin tức" hoặc name = { "{" } vi = "Tin tức", en = "News" { "}" }
# `{ $name }` là tên của mục theo ngôn ngữ mặc định của trang (hoặc số thứ tự của mục).
menu-no-url = mục menu `{ $name }` chưa có `url`
menu-no-url-hint = hãy ghi một trang của trang web như url = "@/tin-tuc/_index.md", một đường dẫn như "/tin-tuc/", hoặc một địa chỉ web
menu-url-relative = `url` của mục menu `{ $name }` là `{ $url }`: đây không phải trang nào của trang web, cũng không phải địa chỉ web
menu-url-relative-hint = hãy ghi một trang bằng "@/" và đường dẫn tệp trong content/ (như "@/tin-tuc/_index.md"), một đường dẫn bắt đầu bằng "/" tính từ gốc trang web, hoặc một địa chỉ bắt đầu bằng "https://"
# `{ $problem }` nói liên kết sai ở đâu, như với liên kết trong các trang.
menu-broken-link = mục menu `{ $name }` liên kết tới một trang không tồn tại: { $problem }
