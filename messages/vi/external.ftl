# Liên kết tới trang khác, được hỏi bởi `check --external` và `build --check-links-external`.
external-dead = liên kết tới { $url } đã hỏng: { $why }
external-dead-hint = sửa lại địa chỉ, liên kết tới nơi trang hoặc tài liệu đang ở, hoặc bỏ liên kết
external-unconfirmed = không xác nhận được liên kết tới { $url }: { $why }
external-unconfirmed-hint = hãy mở thử trong trình duyệt: máy chủ có thể từ chối kiểm tra tự động, hoặc chỉ đang lỗi tạm thời
external-status = máy chủ trả lời { $status }
external-no-host = tên máy chủ không tồn tại
external-connection = không kết nối được ({ $why })
external-timed-out = không có trả lời trong { $seconds } giây
external-tls = kết nối bảo mật không thành công ({ $why })
external-redirects = địa chỉ chuyển hướng quá nhiều lần (vòng chuyển hướng?)
external-bad-address = đây không phải địa chỉ web hợp lệ
