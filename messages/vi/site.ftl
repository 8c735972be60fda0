# Ghép các trang thành trang web: chuyên mục, địa chỉ, địa chỉ phụ (alias), liên kết `@/` và #neo.
# `{ $value }` được viết như trong trang, kèm dấu ngoặc kép.
site-section-kind = `{ $value }` không phải là một loại chuyên mục
site-section-kind-hint = hãy viết một trong các dạng: { $kinds }
site-empty-slug = không tạo được địa chỉ web từ tên `{ $name }`
site-empty-slug-hint = hãy đặt cho trang một `slug` có chữ cái hoặc chữ số, như slug = "gioi-thieu"
site-url-collision = hai trang sẽ được đăng ở cùng một địa chỉ { $path }
site-url-collision-hint = hãy đổi tên tệp của một trong hai trang, hoặc đặt `slug = "…"` trong phần đầu trang (front matter) của trang đó
site-other-page = trang kia là { $file }
# Nguồn của trang được tạo cho một thư mục, thay cho tên tệp.
site-folder-without-index = content/{ $dir }/ (thư mục không có _index.md)
site-alias-outside = `{ $alias }` không phải là một địa chỉ bên trong trang web
site-alias-outside-hint = hãy viết địa chỉ cũ dưới dạng đường dẫn, như "/tin-cu/bai-viet/"
site-alias-taken = địa chỉ phụ (alias) { $alias } đã là địa chỉ của { $other }
site-alias-taken-hint = hãy bỏ địa chỉ phụ này, hoặc chuyển trang kia sang địa chỉ khác
site-link-scheduled = `@/{ $page }` có ngày đăng sau hôm nay nên chưa được đăng
site-link-scheduled-hint = hãy liên kết tới trang này khi trang đã được đăng, hoặc dựng trang với --future để xem trước
site-link-draft = `@/{ $page }` là bản nháp nên không được đăng
site-link-draft-hint = hãy đặt `draft = false` trong trang đó, hoặc dựng trang với --drafts để xem trước
site-no-page = không có trang `content/{ $page }`
site-no-page-hint = hãy viết đường dẫn của tệp Markdown bên trong content/, như `@/gioi-thieu.md`
site-anchor-no-headings = { $page } không có tiêu đề nào để liên kết tới
site-anchor-ids = các tiêu đề của trang đó có id là: { $ids }
