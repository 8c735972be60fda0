# Toàn bộ một lần chạy: thư mục trang web, các giá trị ghi đè trên dòng lệnh, tệp còn lại trong thư mục kết quả.
pipeline-base-url = --base-url `{ $url }` không phải là địa chỉ web đầy đủ
pipeline-base-url-hint = hãy viết địa chỉ bắt đầu bằng http:// hoặc https://, như --base-url https://example.org
pipeline-site-in-use = trang web vẫn đang được sử dụng
pipeline-foreign-file = { $path } không do minhbach ghi ra nên trang web mới không có tệp này
pipeline-foreign-file-hint = hãy đặt những tệp cần đăng nguyên dạng vào static/ (static/{ $file }); các tệp đó sẽ được sao chép mỗi lần dựng trang
# `{ $error }` là thông báo gốc của hệ thống.
pipeline-current-folder = không đọc được thư mục hiện tại: { $error }
pipeline-not-a-site = { $folder } không có tệp { $config } nên không phải là thư mục trang web của minhbach
pipeline-not-a-site-hint = hãy chạy lệnh trong thư mục của trang web, thêm --root DIR (DIR là thư mục trang web), hoặc tạo trang web mới bằng `minhbach init DIR`
# Chương trình dừng bất thường: một lỗi của minhbach. `{ $info }` cho biết dừng ở đâu và vì sao, bằng tiếng Anh.
pipeline-panic = minhbach đã dừng vì một lỗi nội bộ ({ $info }).
pipeline-panic-report = Đây là lỗi của minhbach, không phải lỗi của trang web của bạn; hãy báo lỗi này kèm theo câu lệnh bạn đã chạy.
