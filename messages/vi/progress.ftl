# Dòng tiến độ của một lần dựng lâu, được vẽ lại trên cửa sổ lệnh.
progress-stage = { $stage }…
progress-files = { $stage }: { $files } tệp
progress-read = Đang đọc thư mục trang
progress-parse = Đang đọc các trang
progress-plans = Đang đọc kế hoạch và số liệu
progress-awareness = Đang đọc tài liệu tuyên truyền
progress-link = Đang liên kết các trang
progress-markdown = Đang chuyển Markdown sang HTML
progress-search-index = Đang lập chỉ mục tìm kiếm
progress-templates = Đang chuẩn bị mẫu giao diện
progress-render = Đang dựng và ghi trang
progress-swap-in = Đang đưa trang mới vào chỗ
progress-external-links = Đang hỏi các liên kết ngoài
progress-content-rules = Đang kiểm tra nội dung
progress-working = Đang làm việc
