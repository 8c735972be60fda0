# Biểu đồ dữ liệu kế hoạch, do shortcode hoặc chart() trong mẫu (template) yêu cầu.
chart-no-indicator = không có chỉ số `{ $id }`
chart-no-indicator-close = không có chỉ số `{ $id }` (có phải ý bạn là `{ $suggestion }`?)
chart-no-breakdown = chỉ số `{ $id }` không có số liệu theo địa bàn/nhóm
chart-no-plan = không có kế hoạch `{ $id }`
chart-unknown-kind = không có loại biểu đồ `{ $kind }`; các loại biểu đồ là { $kinds }
chart-unknown-kind-close = không có loại biểu đồ `{ $kind }` (có phải ý bạn là `{ $suggestion }`?)
