# Kế hoạch: plan.toml, thư mục của kế hoạch, các trang nhóm nhiệm vụ và trang nhiệm vụ, và
# danh mục đơn vị, địa bàn của trang web.
plan-status = `{ $status }` không phải trạng thái của kế hoạch
plan-status-hint = hãy viết "draft", "approved" hoặc "amended" (hoặc "dự thảo", "đã phê duyệt", "điều chỉnh")
plan-attachment-missing = tệp đính kèm `{ $file }` không có trong thư mục của kế hoạch
plan-attachment-missing-hint = hãy đặt tệp vào thư mục của kế hoạch, cạnh plan.toml
plan-id-empty = `id` của kế hoạch đang để trống
plan-id-empty-hint = hãy đặt cho kế hoạch một mã ngắn, ví dụ "kh-cds-2025"
plan-group-front-matter = nhóm nhiệm vụ cần có phần đầu trang (front matter) với `id`, `order` và `title`
plan-group-front-matter-hint = hãy mở đầu tệp bằng +++, tiếp theo là id = "…", order = 1, title = "…", rồi đến +++
# Cái đang được đọc, nằm trong các thông báo về TOML ("khóa `x` không có trong phần đầu trang của nhóm").
plan-group-front-matter-what = phần đầu trang (front matter) của nhóm nhiệm vụ
plan-two-task-files = kế hoạch có cả { $first } lẫn { $second }
plan-two-task-files-hint = chỉ để các nhiệm vụ trong một tệp: minhbach đang đọc { $first }; hãy xoá hoặc đổi tên { $second }
plan-task-page-unknown = `{ $id }` không phải nhiệm vụ của kế hoạch này
plan-task-page-did-you-mean = hãy đặt tên tệp theo mã nhiệm vụ: có phải ý bạn là `{ $file }`?
plan-task-page-hint = hãy đặt tên tệp theo một mã nhiệm vụ trong { $file }, ví dụ tasks/NV-3.12.md
plan-page-unread = trang này nằm trong thư mục groups/ hoặc tasks/ của một kế hoạch nhưng không được đọc
plan-data-format = { $file } là định dạng bảng tính mà minhbach không đọc được
plan-data-format-hint = hãy lưu tệp dưới dạng .xlsx (Excel Workbook) hoặc .csv (UTF-8) trong cùng thư mục
plan-indicator-in-two-plans = mã chỉ số `{ $id }` được dùng trong hai kế hoạch
plan-indicator-in-two-plans-hint = mã chỉ số không được trùng trong toàn trang web; mã kia nằm trong content/{ $dir }/
plan-group-unknown = `{ $group }` không phải nhóm nhiệm vụ của kế hoạch này
plan-groups-hint = các nhóm nhiệm vụ của kế hoạch là: { $groups }
registry-merged-unknown = `{ $id }` không phải địa bàn có trong tệp này
registry-no-units = `{ $written }` không phải đơn vị đã biết: content/{ $file } chưa có đơn vị nào
registry-no-places = `{ $written }` không phải địa bàn đã biết: content/{ $file } chưa có địa bàn nào
registry-unknown-unit = `{ $written }` không phải mã đơn vị đã biết
registry-unknown-place = `{ $written }` không phải mã địa bàn đã biết
registry-add-id-hint = hãy dùng một mã trong content/{ $file }, hoặc thêm `{ $written }` vào tệp đó
registry-place-kind = `{ $written }` không phải loại địa bàn
registry-place-kinds-hint = hãy viết một trong các loại: { $kinds }
registry-duplicate-unit = mã đơn vị `{ $id }` bị dùng hai lần
registry-duplicate-place = mã địa bàn `{ $id }` bị dùng hai lần
registry-duplicate-hint = hãy đặt cho mỗi mục một mã riêng; giữ tên cũ trong `names` và tên viết tắt trong `aliases`
