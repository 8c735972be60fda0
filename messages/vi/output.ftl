# Ghi trang web đã dựng vào thư mục của nó. `{ $error }` là thông báo gốc của hệ thống.
output-refuse = không ghi trang web vào { $folder }: { $reason }
output-refuse-hint = hãy chọn một thư mục mới cho trang web đã dựng, như `--output public`
# Lý do thư mục bị từ chối (sau "không ghi trang web vào …:").
output-refuse-site-folder = đó chính là thư mục của trang web
output-refuse-holds-site = thư mục đó chứa thư mục của trang web
output-refuse-protected = thư mục đó nằm trong thư mục { $folder }/ của trang web
output-refuse-file = đó là một tệp, không phải thư mục
output-refuse-foreign = thư mục đó đã có những tệp không do minhbach ghi
output-staging-failed = không tạo được thư mục bên cạnh { $target }: { $error }
output-write-failed-kept = không ghi được { $path }: { $error }; trang web cũ vẫn được giữ nguyên
output-swap-failed = không đưa được trang web mới vào { $target }: { $error }
output-waiting = Đang chờ một lần dựng trang khác vào { $target } kết thúc…
output-create-failed = không tạo được { $path }: { $error }
output-write-failed = không ghi được { $path }: { $error }
output-not-inside = `{ $path }` không phải là đường dẫn bên trong thư mục kết quả
