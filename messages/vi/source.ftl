# Đọc thư mục trang web: giao diện (theme), tên tệp, liên kết, tệp không đọc được hoặc không phải UTF-8.
source-theme-missing = không tìm thấy giao diện (theme) `{ $theme }`
source-theme-missing-hint = hãy đặt giao diện vào thư mục { $folder }, hoặc dùng theme = "default"
source-name-not-utf8 = tên của { $path } không phải là văn bản UTF-8
source-name-as-stored = tên đang được lưu: { $name }
source-name-not-utf8-hint = hãy đổi tên bằng một tên gõ trên máy tính này (có thể dùng chữ tiếng Việt)
source-link-out-of-site = { $file } là liên kết tới { $target }, nằm ngoài thư mục trang web
source-link-out-of-site-hint = hãy sao chép tệp vào thư mục trang web thay vì liên kết tới tệp đó
source-not-found = không tìm thấy { $file }
source-not-found-hint = hãy kiểm tra tên tệp và xem tệp có nằm trong thư mục trang web không
source-permission-denied = không đọc được { $file }: không có quyền đọc
source-permission-denied-hint = hãy cấp quyền đọc tệp cho tài khoản của bạn (ví dụ `chmod a+r`)
# `{ $error }` là thông báo gốc của hệ thống.
source-unreadable = không đọc được { $file }: { $error }
source-unreadable-hint = hãy kiểm tra xem đây có phải là tệp bình thường không và ổ đĩa có đọc được không
# `{ $byte }` đếm từ 0, tính từ đầu tệp.
source-not-utf8 = { $file } không phải là văn bản UTF-8 (byte thứ { $byte } không đọc được theo UTF-8)
source-not-utf8-hint = hãy lưu tệp theo bảng mã UTF-8; trong Excel hoặc Word, chọn bảng mã "UTF-8" khi lưu (tệp lưu theo Windows-1258 hoặc TCVN3 sẽ gặp lỗi này)
