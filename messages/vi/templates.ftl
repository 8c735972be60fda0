# Mẫu (template) Tera. `{ $message }` là thông báo gốc bằng tiếng Anh của Tera; `{ $name }` là tên một mẫu.
template-in = trong mẫu (template) `{ $name }`: { $message }
template-error = trong các mẫu (template): { $message }
# `{ $what }` là trang hoặc danh sách đang được dựng khi mẫu gặp lỗi.
template-while-rendering = khi đang dựng { $what }
template-missing-parent = mẫu (template) `{ $current }` kế thừa (extends) `{ $parent }`, nhưng mẫu này không tồn tại
template-missing-parent-hint = hãy tạo templates/{ $parent }, hoặc kế thừa một mẫu đã có như "base.html"
template-not-found = mẫu (template) `{ $name }` không tồn tại
template-not-found-hint = hãy tạo templates/{ $name } trong trang web hoặc trong giao diện (theme)
# `{ $chain }` là các mẫu theo thứ tự, như `a.html -> b.html -> a.html`.
template-extends-itself = mẫu (template) `{ $name }` tự kế thừa chính nó qua { $chain }
template-includes-itself = mẫu (template) `{ $name }` tự nhúng (include) chính nó qua { $chain }
template-i18n-key = mẫu (template) dùng chuỗi hiển thị `{ $key }`, nhưng các tệp i18n không có chuỗi này
# Một chuỗi hiển thị bị thiếu, nói trong thông báo của Tera.
template-message-with-hint = { $message } ({ $hint })
template-chart-needs-id = chart() cần có indicator="ID" hoặc plan="ID"
template-not-a-date = `{ $value }` không phải là ngày
