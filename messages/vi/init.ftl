# `minhbach init`: tạo thư mục cho một trang web mới.
init-cannot-read = không đọc được { $path }: { $error }
init-cannot-create = không tạo được { $path }: { $error }
init-cannot-write = không ghi được { $path }: { $error }
init-folder-not-empty = { $dir } đã có và không trống
init-folder-not-empty-hint = hãy chọn một thư mục mới, để không tệp nào của bạn bị ghi đè
init-ci-published = Trang được đăng bằng { $file }: hãy đọc ghi chú ở đầu tệp này trước lần đẩy (push) đầu tiên.
