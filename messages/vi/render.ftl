# Tạo các tệp của trang web: mỗi tệp được ghi vào đâu, mẫu (template) nào tạo ra tệp đó.
render-search-collision = { $path } sẽ được ghi vào bên trong { $folder }, là nơi đặt chỉ mục tìm kiếm
render-search-collision-hint = hãy đổi tên trang hoặc tệp tĩnh, hoặc tắt tìm kiếm bằng `[search] enabled = false`
render-output-twice = hai tệp kết quả sẽ cùng được ghi vào { $path }
render-static-and-page = một tệp tĩnh và một trang sẽ cùng được ghi vào { $path }
render-static-and-page-hint = hãy đổi tên tệp tĩnh hoặc trang
render-same-error = và { $others } trang khác cũng gặp lỗi này
# Thứ đang được dựng khi mẫu gặp lỗi (sau "khi đang dựng").
render-section = chuyên mục { $path }
render-not-found-page = trang 404
render-tag-list = danh sách thẻ { $path }
render-tag-page = trang thẻ { $path }
render-tag-empty = thẻ `{ $tag }` không có trang nào
render-page-template-missing = trang yêu cầu mẫu (template) `{ $name }`, nhưng mẫu này không tồn tại
render-page-template-missing-hint = hãy tạo templates/{ $name }, hoặc bỏ `template` để dùng mẫu mặc định
render-theme-template-missing = giao diện (theme) không có mẫu (template) `{ $name }`
render-theme-template-missing-hint = hãy thêm templates/{ $name } vào trang web hoặc vào giao diện (theme)
render-shortcode-hint = shortcode có dạng chart(indicator="ID", kind="trend")
render-chart-names-nothing = biểu đồ chưa nêu chỉ số (indicator="ID") hoặc kế hoạch (plan="ID") nào
