# Tài liệu tuyên truyền: đối tượng, chủ đề và các giá trị `[extra]` của trang.
# `{ $ids }` là danh sách mã trong ngoặc kép: "citizens", "businesses".
awareness-term-did-you-mean = có phải ý bạn là "{ $id }"? Các mã hợp lệ là: { $ids }
awareness-no-topics = trang web chưa liệt kê chủ đề nào
awareness-term-write-one-of = hãy viết một trong các mã: { $ids }
awareness-unknown-audience = `{ $text }` không phải đối tượng mà trang web này biết
awareness-unknown-topic = `{ $text }` không phải chủ đề mà trang web này biết; trang không được liệt kê dưới chủ đề đó
# Nối vào sau gợi ý, sau "; ".
awareness-topic-add-own = hoặc thêm chủ đề này vào `topics` trong `[awareness]` của site-config.toml
awareness-topic-list-own = hoặc liệt kê các chủ đề riêng của trang web trong `[awareness] topics` của site-config.toml
awareness-flag = `{ $key }` phải là true hoặc false
awareness-flag-hint = hãy viết `{ $key } = true` hoặc `{ $key } = false`, không có dấu ngoặc kép
awareness-not-a-list = `{ $key }` phải là một danh sách các bảng
awareness-item-not-a-table = mục thứ { $number } của `{ $key }` không phải là bảng
awareness-write-each-as = hãy viết mỗi mục theo dạng { $example }
awareness-entries-example = [[extra.{ $key }]] với { $title } = "…" và { $text } = "…"
awareness-downloads-example = [[extra.downloads]] với title = "…" và file = "poster.pdf"
awareness-entry-empty = `{ $key }` của mục thứ { $number } trong `{ $list }` đang để trống
awareness-entry-empty-hint = hãy viết nội dung của `{ $key }` vào giữa hai dấu ngoặc kép
awareness-entry-not-text = `{ $key }` phải là văn bản
awareness-entry-not-text-hint = hãy đặt văn bản trong dấu ngoặc kép, hoặc giữa hai dòng """ nếu có nhiều đoạn
awareness-entry-missing = mục thứ { $number } của `{ $list }` không có `{ $key }`
awareness-entry-missing-hint = hãy thêm `{ $key } = "…"` vào mục đó
awareness-unknown-key = không nhận ra khóa `{ $key }` trong { $owner }
awareness-keys-allowed = các khóa được dùng ở đây là: { $keys }
awareness-campaign-not-a-table = `campaign` phải là một bảng có hai ngày `start` và `end`
awareness-campaign-not-a-table-hint = hãy viết [extra.campaign], rồi ở các dòng bên dưới viết start = 2025-10-01 và end = 2025-10-10
awareness-campaign-ends-first = chiến dịch kết thúc ({ $end }) trước khi bắt đầu ({ $start })
awareness-campaign-ends-first-hint = hãy đổi chỗ hai ngày, hoặc sửa lại năm
awareness-campaign-no-date = chiến dịch không có ngày `{ $key }`
awareness-campaign-no-date-hint = hãy thêm `{ $key } = 2025-10-10` (năm-tháng-ngày, không có dấu ngoặc kép)
awareness-campaign-not-a-date = `{ $key }` không phải là ngày
awareness-campaign-not-a-date-hint = hãy viết `{ $key } = 2025-10-10` (năm-tháng-ngày, không có dấu ngoặc kép)
awareness-download-missing = không có tệp `content/{ $path }` để tải về
awareness-download-did-you-mean = có phải ý bạn là "{ $file }"?
awareness-download-missing-hint = hãy đặt tệp vào content/{ $dir } cạnh trang, hoặc viết đường dẫn của tệp theo dạng "@/folder/file.pdf"
