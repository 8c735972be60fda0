# Dòng lệnh: các dòng tóm tắt và lỗi của chính nó.
cli-lang-unknown = `{ $lang }` không phải ngôn ngữ thông báo của minhbach; hãy dùng vi hoặc en
cli-init-created = Đã tạo trang mới trong { $dir }.
cli-init-next = Xem thử bằng lệnh: minhbach serve --root { $dir }
cli-built = Đã dựng { $pages } trang vào { $output } ({ $files } tệp: { $written } tệp ghi mới, { $unchanged } tệp không đổi) trong { $ms } ms.
cli-checked = Đã kiểm tra { $pages } trang ({ $files } tệp) trong { $ms } ms: không có lỗi.
summary-site-has-errors = Trang có { $errors } lỗi (và { $warnings } cảnh báo); chưa ghi tệp nào.
cli-seconds = `{ $text }` không phải số giây lớn hơn 0 và không quá 600
cli-external-starting = Đang kiểm tra liên kết ngoài: việc này hỏi các máy chủ khác và có thể mất một lúc.
cli-external-summary = Liên kết ngoài: đã hỏi { $links } liên kết tới { $addresses } địa chỉ: { $dead } hỏng, { $unconfirmed } không xác nhận được.
