# Đọc tệp TOML (site-config.toml, phần đầu trang, dữ liệu kế hoạch, tệp i18n).
# `{ $what }` là thứ đang đọc (một tệp, hoặc phần đầu trang của một trang); `{ $message }` là
# thông báo gốc bằng tiếng Anh của bộ đọc TOML.
toml-syntax = { $what } không đúng cú pháp TOML: { $message }
toml-syntax-quote-hint = giá trị là chữ phải đặt trong dấu ngoặc kép, như `title = "Kế hoạch 2025"`
toml-syntax-duplicate-hint = mỗi khóa chỉ được xuất hiện một lần trong một bảng; hãy xóa hoặc đổi tên một trong hai khóa
toml-syntax-equals-hint = mỗi dòng có dạng `key = value` (khóa = giá trị); khóa có dấu cách phải đặt trong dấu ngoặc kép
toml-syntax-hint = hãy đối chiếu dòng này với cú pháp TOML: `key = value` (khóa = giá trị), chữ đặt trong dấu ngoặc kép, danh sách đặt trong [ ]
toml-value = { $what }: { $message }
toml-value-boolean-hint = viết `true` hoặc `false`, không có dấu ngoặc kép
toml-value-list-hint = viết danh sách trong dấu ngoặc vuông, như `["a", "b"]`
toml-value-string-hint = hãy đặt chữ trong dấu ngoặc kép
toml-value-integer-hint = viết một số nguyên, không có dấu ngoặc kép
toml-value-missing-field-hint = hãy thêm dòng `{ $field } = ...`
toml-unknown-key = khóa `{ $key }` không hợp lệ trong { $what }
toml-unknown-key-allowed-hint = các khóa được dùng ở đây là: { $keys }
