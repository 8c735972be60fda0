# Chỉ số (indicators.toml) và số liệu của chúng (số liệu tiến độ trong data/).
indicator-unknown-id = `{ $id }` không phải mã chỉ số
indicator-data-unknown-hint = hãy ghi `id` của một chỉ số trong tệp này
indicator-target-period = kỳ của chỉ tiêu { $target } không nằm sau kỳ của mức cơ sở { $baseline }
indicator-target-period-hint = chỉ tiêu phải đạt được sau mức cơ sở; hãy kiểm tra cả hai kỳ
indicator-baseline-percent-range = mức cơ sở { $value } là tỷ lệ phần trăm nằm ngoài khoảng 0–100
indicator-target-percent-range = chỉ tiêu { $value } là tỷ lệ phần trăm nằm ngoài khoảng 0–100
indicator-percent-hint = tỷ lệ phần trăm nằm trong khoảng từ 0 đến 100
indicator-target-above = chỉ tiêu { $target } cao hơn mức cơ sở { $baseline }, nhưng hướng thay đổi là `{ $direction }`
indicator-target-above-hint = chỉ số cần giảm thì chỉ tiêu phải thấp hơn mức cơ sở: hãy kiểm tra giá trị của chỉ tiêu, hoặc viết direction = "increase"
indicator-target-below = chỉ tiêu { $target } thấp hơn mức cơ sở { $baseline }, nhưng hướng thay đổi là `{ $direction }`
indicator-target-below-hint = chỉ số cần tăng thì chỉ tiêu phải cao hơn mức cơ sở: hãy kiểm tra giá trị của chỉ tiêu, hoặc viết direction = "decrease"
indicator-id-invalid = `{ $id }` không dùng được làm mã chỉ số
indicator-id-invalid-hint = hãy dùng chữ cái, chữ số và dấu gạch ngang, ví dụ "dvc-toan-trinh"
indicator-id-twice = mã chỉ số `{ $id }` bị dùng hai lần
indicator-id-twice-hint = hãy đặt cho mỗi chỉ số một mã riêng
indicator-direction = `{ $written }` không phải hướng thay đổi hợp lệ
indicator-direction-hint = hãy viết "increase", "decrease" hoặc "maintain" (hoặc "tăng", "giảm", "duy trì")
indicator-frequency = `{ $written }` không phải tần suất hợp lệ
indicator-frequency-hint = hãy viết một trong các giá trị: { $keys } (hoặc "hằng tháng", "hằng quý", "6 tháng", "hằng năm")
# `{ $hint }` cho biết có những đơn vị nào.
indicator-responsible-hint = { $hint }; tên được hiển thị đúng như đã viết
indicator-number-too-long = số có quá nhiều chữ số nên không thể hiển thị chính xác
indicator-number-too-long-hint = hãy viết theo đơn vị lớn hơn (nghìn, triệu) hoặc làm tròn
indicator-period = `{ $period }` không phải kỳ hợp lệ
indicator-period-hint = hãy viết kỳ theo dạng 2025 (năm), 2025-Q3 (quý), 2025-09 (tháng) hoặc 2025-09-30 (ngày)
reading-open-sdg-did-you-mean = tệp Open SDG được đặt tên theo chỉ số của nó: có phải ý bạn là `{ $file }`?
reading-open-sdg-name-hint = tệp Open SDG được đặt tên theo chỉ số của nó, ví dụ data/dvc-toan-trinh.csv hoặc data/indicator_1-2-1.csv, hoặc được khai báo trong bảng [data] của indicators.toml
reading-several-breakdowns = hàng này phân tổ số liệu theo nhiều hơn một cột
reading-several-breakdowns-hint = minhbach chỉ đọc một cách phân tổ (theo địa bàn/nhóm) cho mỗi số liệu: hãy để trống các cột phân tổ khác, chỉ giữ lại một cột
reading-indicator-hint = hãy dùng `id` của một chỉ số trong tệp indicators.toml của kế hoạch
reading-no-indicator = số liệu này không ghi chỉ số nào
reading-no-period = số liệu này không có kỳ
reading-percent-range = { $value } là tỷ lệ phần trăm nằm ngoài khoảng 0–100
reading-percent-range-hint = `{ $id }` được tính bằng phần trăm, từ 0 đến 100
reading-not-broken-down = `{ $id }` không có số liệu phân tổ, nhưng số liệu này lại ghi phân tổ
reading-not-broken-down-hint = hãy để trống ô phân tổ, hoặc ghi cách phân tổ trong chỉ số, ví dụ `breakdown = "province"`
reading-duplicate = `{ $id }` đã có số liệu cho kỳ { $period }
reading-duplicate-breakdown = `{ $id }` đã có số liệu cho kỳ { $period } ({ $breakdown })
reading-duplicate-hint = số liệu đầu tiên nằm ở dòng { $line }; hãy giữ lại một trong hai
