# Các quy tắc nội dung của `minhbach check`: những gì làm trang khó đọc hoặc khó dùng với công nghệ hỗ trợ người khuyết tật.
check-duplicate-title = một trang khác bằng `{ $lang }` cũng có tiêu đề “{ $title }”
check-duplicate-title-hint = hãy đặt cho mỗi trang một tiêu đề nói rõ trang đó khác các trang kia ở điểm nào
check-heading-h1 = nội dung có tiêu đề cấp 1: tiêu đề của trang đã là tiêu đề cấp 1 của trang
check-heading-h1-hint = hãy bắt đầu các mục của trang từ cấp 2 (`## …`)
check-heading-skip-from-title = các tiêu đề bị nhảy cấp: từ tiêu đề trang (cấp 1) xuống cấp { $level }
check-heading-skip = các tiêu đề bị nhảy cấp: từ cấp { $previous } xuống cấp { $level }
# `{ $marks }` là các dấu `#` của tiêu đề trong Markdown (`###` cho cấp 3).
check-heading-skip-hint = hãy đổi tiêu đề này thành cấp { $next } (`{ $marks } …`), hoặc thêm tiêu đề cấp còn thiếu ở phía trên
check-image-alt = hình ảnh không có văn bản thay thế
check-image-alt-hint = hãy ghi hình ảnh thể hiện gì vào giữa hai dấu ngoặc vuông: ![Bản đồ vùng phủ sóng 4G](ban-do.png)
check-link-text = liên kết không có chữ
check-link-text-hint = hãy ghi liên kết dẫn tới đâu vào giữa hai dấu ngoặc vuông: [Kế hoạch năm 2025](@/ke-hoach-2025/_index.md)
check-html-link-text-hint = hãy viết chữ của liên kết giữa <a …> và </a>, hoặc gán cho liên kết một aria-label
check-new-window = liên kết mở cửa sổ mới mà không báo cho người đọc
check-new-window-hint = hãy thêm “(mở trong cửa sổ mới)” hoặc “(opens in a new window)” vào chữ của liên kết, hoặc bỏ target="_blank"
check-html-image-alt = hình ảnh không có thuộc tính alt
check-html-image-alt-hint = hãy thêm alt="hình ảnh thể hiện gì", hoặc alt="" nếu hình chỉ dùng để trang trí
