# Chuỗi hiển thị của giao diện (theme) (i18n/vi.toml, i18n/en.toml): chữ người xem đọc quanh nội dung.
i18n-no-default = giao diện (theme) chưa có chuỗi hiển thị cho ngôn ngữ mặc định `{ $lang }`
i18n-no-default-hint = hãy thêm tệp i18n/{ $lang }.toml chứa các chuỗi hiển thị của giao diện
i18n-no-language = giao diện (theme) chưa có chuỗi hiển thị cho `{ $lang }`
i18n-no-language-hint = hãy thêm tệp i18n/{ $lang }.toml; trong lúc chưa có, giao diện hiện chữ bằng { $default }
i18n-untranslated = { $count } chuỗi hiển thị chưa có bản dịch `{ $lang }`: { $keys }
i18n-untranslated-hint = trong lúc chưa được dịch, các chuỗi đó hiện bằng `{ $default }`
i18n-missing-key = không có chuỗi hiển thị `{ $key }` trong i18n/{ $lang }.toml
i18n-missing-key-hint = hãy thêm `{ $key } = "…"` vào tệp i18n/{ $lang }.toml của giao diện (theme)
