# Cách in mỗi thông báo: mức độ, và các dòng bên dưới.
diag-error = lỗi
diag-warning = cảnh báo
diag-hint = gợi ý
diag-note = ghi chú
diag-more-rows = và { $more } hàng khác cũng vậy: dòng { $lines }
diag-more-places = và { $more } chỗ khác cũng vậy: dòng { $lines }
