# `minhbach new`: thêm một tin tức, một tài liệu tuyên truyền, một trang hoặc một nhiệm vụ vào trang web.
new-title-empty = tiêu đề đang để trống
new-title-empty-hint = hãy viết tiêu đề trong dấu ngoặc kép: minhbach new news "Ra mắt cổng thông tin"
new-title-no-letters = tiêu đề `{ $title }` không có chữ cái hay chữ số nào để đặt tên tệp
new-title-no-letters-hint = hãy đặt tiêu đề có chữ, ví dụ "Ra mắt cổng thông tin"
new-path-outside = `{ $path }` không phải đường dẫn bên trong content/
new-path-outside-hint = hãy viết đường dẫn của trang bên trong content/, ví dụ gioi-thieu/lich-su.md
new-exists = { $file } đã có
new-exists-hint = hãy sửa tệp đó, hoặc chọn tiêu đề hay đường dẫn khác; minhbach không bao giờ ghi đè lên tệp
new-site-would-not-build = chưa ghi gì: trang web sẽ không dựng được với { $file }
new-no-news-section = trang web chưa có chuyên mục tin tức
new-no-news-section-hint = hãy tạo một chuyên mục: một thư mục của content/ (ví dụ tin-tuc/) có tệp _index.md với kind = "news" trong [extra]
new-no-awareness-section = trang web chưa có chuyên mục tài liệu tuyên truyền
new-no-awareness-section-hint = hãy tạo một chuyên mục: một thư mục của content/ (ví dụ nang-cao-nhan-thuc/) có tệp _index.md với kind = "awareness" trong [extra]
new-section-of-other-kind = content/{ $dir } không phải chuyên mục loại { $kind } (các chuyên mục loại này của trang: { $sections })
new-section-not-a-folder = content/{ $dir } không phải thư mục của trang web (các chuyên mục loại { $kind } của trang: { $sections })
new-sections-none = không có
new-section-hint = hãy ghi tên một thư mục của content/ có tệp _index.md với kind = "{ $kind }" trong [extra]
new-no-plan = trang web chưa có kế hoạch nào
new-no-plan-hint = mỗi kế hoạch là một thư mục của content/ có tệp plan.toml; xem mục "Plans" trong README
new-not-a-plan = content/{ $dir } không phải kế hoạch (các kế hoạch của trang: { $plans })
new-not-a-plan-hint = hãy ghi tên thư mục của content/ chứa tệp plan.toml của kế hoạch
new-task-spreadsheet = nhiệm vụ của kế hoạch nằm trong { $file }, tệp mà minhbach không ghi
new-task-spreadsheet-hint = hãy thêm nhiệm vụ thành một hàng mới trong bảng tính, dưới nhóm của nó, với mã, tên, cơ quan chủ trì, thời hạn và trạng thái
new-task-unwritable = minhbach không thêm được hàng vào { $file } theo cách tệp đang được trình bày
new-task-unwritable-hint = hãy thêm nhiệm vụ thành một hàng mới trong bảng tính
new-task-no-group = kế hoạch không có nhóm `{ $group }` (các nhóm của kế hoạch: { $groups })
new-task-no-group-hint = hãy ghi nhóm bằng mã, số thứ tự hoặc tên của nhóm
new-task-group-without-tasks = bảng chưa có nhiệm vụ nào thuộc nhóm `{ $group }`, nên không đặt được hàng mới dưới nhóm này
new-task-group-without-tasks-hint = hãy thêm hàng tiêu đề của nhóm và nhiệm vụ đầu tiên bằng bảng tính; các nhiệm vụ sau có thể thêm bằng minhbach new task
new-task-lead = hãy cho biết đơn vị nào chủ trì nhiệm vụ
new-task-lead-hint = hãy thêm --lead với tên đơn vị, ví dụ --lead "Văn phòng Sở"
new-task-not-accepted = chưa ghi gì: kế hoạch sẽ không nhận hàng này của { $file }
# Những gì `new` in ra khi đã ghi tệp.
new-created = Đã tạo { $path }
new-task-added = Đã thêm nhiệm vụ { $id } vào { $path }, dòng { $line }.
new-task-check = Hãy kiểm tra các giá trị đã được điền sẵn: nhóm { $group }, cơ quan chủ trì { $lead }, thời hạn { $due }, trạng thái chưa thực hiện. Sửa hàng này bằng bảng tính hoặc trình soạn thảo văn bản.
new-others = (Trang web còn nơi khác có thể đặt tệp này: { $others }. Hãy chọn bằng --section hoặc --plan.)
