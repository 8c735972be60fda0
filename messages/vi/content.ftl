# Trang và phần đầu trang (front matter): khối `+++`, ngôn ngữ của trang, tiêu đề.
content-front-matter-yaml = phần đầu trang (front matter) phải viết bằng TOML giữa hai dòng `+++`, không phải YAML giữa hai dòng `---`
content-front-matter-yaml-hint = hãy đổi cả hai dòng `---` thành `+++` và viết mỗi trường theo dạng `key = value`
content-front-matter-unclosed = phần đầu trang (front matter) được mở bằng `+++` nhưng không được đóng lại
content-front-matter-unclosed-hint = hãy thêm một dòng chỉ có `+++` sau trường cuối cùng của phần đầu trang
# Cái đang được đọc, nằm trong các thông báo về TOML ("khóa `x` không có trong phần đầu trang").
content-front-matter-what = phần đầu trang (front matter)
content-lang-conflict = tên tệp cho biết trang viết bằng `{ $suffix }` nhưng `lang` lại ghi `{ $written }`
content-lang-conflict-hint = hãy xoá `lang`; tên tệp đã cho biết ngôn ngữ của trang
content-lang-unknown = `lang = "{ $written }"` không thuộc các ngôn ngữ của trang web
content-lang-unknown-hint = các ngôn ngữ của trang web là: { $languages }
content-missing-title = trang chưa có tiêu đề
content-missing-title-hint = hãy thêm `title = "…"` vào phần đầu trang; trong khi chờ, tên tệp được dùng làm tiêu đề
content-suffix-language = `{ $file }` có vẻ là bản dịch sang `{ $lang }`, nhưng đó không phải ngôn ngữ của trang web
content-suffix-language-hint = hãy thêm "{ $lang }" vào `languages` trong site-config.toml, hoặc đổi tên tệp
