# `minhbach check`'s content rules: what makes a page hard to read or to use with assistive technology.
check-duplicate-title = another page in `{ $lang }` has the title “{ $title }”
check-duplicate-title-hint = give each page a title that says how it differs from the others
check-heading-h1 = a level-1 heading in the text: the page's title is already its level-1 heading
check-heading-h1-hint = start the page's sections at level 2 (`## …`)
check-heading-skip-from-title = the headings skip a level: from the page title (level 1) to level { $level }
check-heading-skip = the headings skip a level: from level { $previous } to level { $level }
# `{ $marks }` is the heading's `#` marks in Markdown (`###` for level 3).
check-heading-skip-hint = make this a level-{ $next } heading (`{ $marks } …`), or add the missing level above it
check-image-alt = the image has no text alternative
check-image-alt-hint = say what the image shows between the brackets: ![Bản đồ vùng phủ sóng 4G](ban-do.png)
check-link-text = the link has no text
check-link-text-hint = write where the link goes between the brackets: [Kế hoạch năm 2025](@/ke-hoach-2025/_index.md)
check-html-link-text-hint = write the link's text between <a …> and </a>, or give it an aria-label
check-new-window = the link opens a new window without saying so
check-new-window-hint = add “(mở trong cửa sổ mới)” or “(opens in a new window)” to the link text, or remove target="_blank"
check-html-image-alt = the image has no alt attribute
check-html-image-alt-hint = add alt="what the image shows", or alt="" if it is only decoration
