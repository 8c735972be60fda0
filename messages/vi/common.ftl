# Những câu dùng chung cho nhiều bước.
did-you-mean = có phải ý bạn là `{ $suggestion }`?
