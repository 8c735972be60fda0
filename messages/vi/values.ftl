# Các giá trị viết trong tệp TOML: văn bản nhiều ngôn ngữ, và ngày.
value-local-text-expected = văn bản trong dấu ngoặc kép, hoặc một bảng theo ngôn ngữ như { "{" } vi = "…", en = "…" { "}" }
value-local-text-empty = bảng theo ngôn ngữ cần có ít nhất một mục, ví dụ { "{" } vi = "…" { "}" }
# `{ $found }` là kiểu giá trị đã viết: string (văn bản), integer (số nguyên), float (số thập phân), boolean, array (danh sách), table (bảng).
value-date-type = cần một ngày như 2025-06-30, nhưng gặp giá trị kiểu { $found }
value-date-invalid = `{ $written }` không phải là ngày; hãy viết như 2025-06-30 (năm-tháng-ngày)
