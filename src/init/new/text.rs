//! The text of a new page (pure): front matter filled in, optional keys shown as comments
//! that say what they do, and a line of body to replace. Written in the site's default
//! language when it is Vietnamese, else in English.

use chrono::NaiveDate;

/// What every new page starts from.
pub struct Page<'a> {
    pub title: &'a str,
    pub date: NaiveDate,
    /// The site's default language: the language the new file is in.
    pub language: &'a str,
}

impl Page<'_> {
    fn vietnamese(&self) -> bool {
        self.language == "vi"
    }

    /// The `title` and `date` lines.
    fn head(&self) -> String {
        let title = toml::Value::String(self.title.to_string());
        format!("title = {title}\ndate = {}\n", self.date.format("%Y-%m-%d"))
    }
}

/// A news article.
pub fn news(page: &Page<'_>) -> String {
    let head = page.head();
    if page.vietnamese() {
        format!(
            "+++\n{head}\
# summary = \"Một câu tóm tắt cho danh sách tin và kết quả tìm kiếm; không có thì dùng đoạn đầu tiên.\"\n\
# tags = [\"kế hoạch\"]\n\
# draft = true  # bỏ dấu # ở đầu dòng này để bài chưa được đăng\n\
+++\n\n\
Viết nội dung tin ở đây. Đoạn đầu tiên hiện trong danh sách tin.\n"
        )
    } else {
        format!(
            "+++\n{head}\
# summary = \"One sentence for the news list and search results; without it, the first paragraph is used.\"\n\
# tags = [\"plan\"]\n\
# draft = true  # remove the # at the start of this line to keep the article unpublished\n\
+++\n\n\
Write the article here. Its first paragraph is shown in the news list.\n"
        )
    }
}

/// An awareness piece; `topics` are the ids the site's pieces may use.
pub fn awareness(page: &Page<'_>, topics: &[String]) -> String {
    let head = page.head();
    let topics = topics.join(", ");
    if page.vietnamese() {
        format!(
            "+++\n{head}\
# summary = \"Một câu tóm tắt cho danh sách và kết quả tìm kiếm.\"\n\
audience = [\"citizens\"]  # dành cho ai: citizens (người dân), businesses (doanh nghiệp), officials (cán bộ)\n\
topics = []  # chủ đề, trong số: {topics}\n\
# draft = true  # bỏ dấu # ở đầu dòng này để bài chưa được đăng\n\
\n\
# Hướng dẫn từng bước: mỗi bước một bảng [[extra.steps]], theo thứ tự; bỏ dấu # để dùng.\n\
# [[extra.steps]]\n\
# name = \"Tên bước\"\n\
# text = \"Làm gì, ở đâu, cần mang theo gì.\"\n\
+++\n\n\
Viết nội dung ở đây.\n"
        )
    } else {
        format!(
            "+++\n{head}\
# summary = \"One sentence for lists and search results.\"\n\
audience = [\"citizens\"]  # who it is for: citizens, businesses, officials\n\
topics = []  # its topics, among: {topics}\n\
# draft = true  # remove the # at the start of this line to keep the piece unpublished\n\
\n\
# A step-by-step guide: one [[extra.steps]] table per step, in order; remove the # to use it.\n\
# [[extra.steps]]\n\
# name = \"The step's name\"\n\
# text = \"What to do, where, and what to bring.\"\n\
+++\n\n\
Write the text here.\n"
        )
    }
}

/// Any other page.
pub fn page(page: &Page<'_>) -> String {
    let head = page.head();
    if page.vietnamese() {
        format!(
            "+++\n{head}\
# summary = \"Một câu tóm tắt cho danh sách và kết quả tìm kiếm.\"\n\
# weight = 10  # trang có số nhỏ hơn đứng trước trong mục\n\
+++\n\n\
Viết nội dung trang ở đây.\n"
        )
    } else {
        format!(
            "+++\n{head}\
# summary = \"One sentence for lists and search results.\"\n\
# weight = 10  # pages with a smaller number come first in their section\n\
+++\n\n\
Write the page here.\n"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_quoted_as_toml_strings() {
        let page = Page {
            title: "Họp \"Ban chỉ đạo\" quý 4",
            date: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            language: "vi",
        };
        let text = news(&page);
        let front = text.split("+++").nth(1).unwrap();
        let table: toml::Table = front.parse().unwrap();
        assert_eq!(table["title"].as_str(), Some("Họp \"Ban chỉ đạo\" quý 4"));
        assert_eq!(table["date"].to_string(), "2026-12-02");
        assert!(!table.contains_key("draft"));
    }
}
