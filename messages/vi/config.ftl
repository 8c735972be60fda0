# site-config.toml: những gì được kiểm tra sau khi đọc tệp.
config-base-url = base_url `{ $url }` không phải là địa chỉ web đầy đủ
config-base-url-hint = hãy viết địa chỉ nơi trang web sẽ được đăng, như "https://so-tttt.example.gov.vn"
config-language-code = `{ $lang }` không phải là mã ngôn ngữ
config-language-code-hint = hãy dùng mã ngắn như "vi" hoặc "en"
config-text-language = có văn bản viết bằng `{ $lang }`, nhưng đây không phải là ngôn ngữ của trang web
config-language-add-hint = hãy thêm "{ $lang }" vào `languages`, hoặc bỏ bản dịch đó
# `{ $key }` là `id` hoặc `segment`, khóa bị sai trong [awareness] topics.
config-topic-not-address = chủ đề có { $key } `{ $value }` không dùng được trong địa chỉ web
config-topic-slug-hint = hãy viết "{ $slug }": chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang
config-topic-slug-empty-hint = hãy chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, như "cashless"
config-topic-duplicate = chủ đề thứ { $first } và thứ { $second } có cùng { $key } `{ $value }`
config-topic-duplicate-hint = hãy đặt cho mỗi chủ đề một { $key } riêng
config-topic-name-language = tên của chủ đề `{ $topic }` có bản viết bằng `{ $lang }`, nhưng đây không phải là ngôn ngữ của trang web
