//! Awareness material: the fixture in `tests/fixtures/awareness` built whole — lists by
//! audience and topic, how-to steps and questions with their JSON-LD, campaigns,
//! downloads, the home page's highlights — the example portal's own awareness section, and
//! bad awareness front matter reported in place.

mod common;

use common::{ExamplePortal, ServeSession, Site, main_of, text_of};

fn built() -> Site {
    let site = Site::fixture("awareness");
    site.build().assert_ok();
    site
}

/// Every `<script type="application/ld+json">` of a page, parsed.
fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let end = after.find("</script>").expect("the script is closed");
        out.push(
            serde_json::from_str(&after[..end])
                .unwrap_or_else(|e| panic!("invalid JSON-LD ({e}): {}", &after[..end])),
        );
        rest = &after[end..];
    }
    out
}

/// The titles of the pieces a list shows, in order.
fn listed(html: &str) -> Vec<String> {
    let main = main_of(html);
    let list_start = main
        .find("<ul class=\"page-list awareness-list\">")
        .expect("a list of pieces");
    let list = &main[list_start..];
    let list = &list[..list.find("</ul>").unwrap()];
    list.split("<h3><a href=\"")
        .skip(1)
        .map(|item| {
            let text = &item[item.find('>').unwrap() + 1..];
            text[..text.find("</a>").unwrap()].to_string()
        })
        .collect()
}

#[test]
fn audience_and_topic_pages_list_the_pieces_filed_under_them() {
    let site = built();
    let citizens = site.output("huong-dan/doi-tuong/nguoi-dan/index.html");
    assert_eq!(
        listed(&citizens),
        ["Ngày Chuyển đổi số", "Kích hoạt VNeID"],
        "newest first"
    );
    let businesses = site.output("huong-dan/doi-tuong/doanh-nghiep/index.html");
    assert_eq!(listed(&businesses), ["Hỏi đáp hóa đơn điện tử"]);
    let officials = text_of(&site.output("huong-dan/doi-tuong/can-bo-cong-chuc/index.html"));
    assert!(officials.contains("Cán bộ, công chức"), "{officials}");
    assert_eq!(
        listed(&site.output("huong-dan/chu-de/vneid/index.html")),
        ["Kích hoạt VNeID"]
    );
    assert_eq!(
        listed(&site.output("huong-dan/chu-de/thanh-toan-so/index.html")),
        ["Hỏi đáp hóa đơn điện tử"]
    );
    // A topic no piece uses has no page; the index of topics lists those that have one.
    assert!(!site.has_output("huong-dan/chu-de/lua-dao-truc-tuyen/index.html"));
    let topics = text_of(&site.output("huong-dan/chu-de/index.html"));
    assert!(
        topics.contains("Định danh điện tử VNeID (1 tài liệu)"),
        "{topics}"
    );
    assert!(!topics.contains("Phòng chống lừa đảo"), "{topics}");

    // The section page links to every list, with counts, and lists its campaigns.
    let section = site.output("huong-dan/index.html");
    for url in [
        "/huong-dan/doi-tuong/nguoi-dan/",
        "/huong-dan/doi-tuong/doanh-nghiep/",
        "/huong-dan/doi-tuong/can-bo-cong-chuc/",
        "/huong-dan/chu-de/vneid/",
        "/huong-dan/chu-de/dich-vu-cong/",
        "/huong-dan/chu-de/ky-nang-so/",
        "/huong-dan/doi-tuong/",
        "/huong-dan/chu-de/",
    ] {
        assert!(section.contains(&format!("href=\"{url}\"")), "{url}");
    }
    let text = text_of(&section);
    assert!(text.contains("Người dân (2 tài liệu)"), "{text}");
    assert!(text.contains("Chiến dịch truyền thông"), "{text}");
    assert!(text.contains("Tất cả tài liệu (3 tài liệu)"), "{text}");
    // The generated folders are not shown again as subsections.
    assert!(!text.contains("Các mục khác"), "{text}");

    // A piece links back to the lists it is filed under.
    let piece = site.output("huong-dan/vneid/index.html");
    assert!(piece.contains("href=\"/huong-dan/doi-tuong/nguoi-dan/\">Người dân</a>"));
    assert!(piece.contains("href=\"/huong-dan/chu-de/vneid/\">Định danh điện tử VNeID</a>"));
}

#[test]
fn english_lists_use_english_addresses_and_hold_only_english_pieces() {
    let site = built();
    let citizens = site.output("en/guides/audience/citizens/index.html");
    assert_eq!(listed(&citizens), ["Activating VNeID"]);
    assert!(citizens.contains("<h1>Citizens</h1>"));
    assert!(site.has_output("en/guides/topic/vneid/index.html"));
    // No English piece is about payments, so there is no English page for it.
    assert!(!site.has_output("en/guides/topic/payments/index.html"));
    // The lists are translations of each other, with hreflang between them.
    let vi = site.output("huong-dan/doi-tuong/nguoi-dan/index.html");
    assert!(vi.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.vn/en/guides/audience/citizens/\">"
    ));
    let breadcrumbs = text_of(&citizens);
    assert!(
        breadcrumbs.contains("Home Guides By audience Citizens"),
        "{breadcrumbs}"
    );
}

#[test]
fn how_to_guides_have_numbered_steps_and_howto_json_ld() {
    let site = built();
    let html = site.output("huong-dan/vneid/index.html");
    let main = main_of(&html);
    assert!(main.contains("<ol class=\"steps\">"), "{main}");
    assert!(main.contains("<li id=\"buoc-1\">"));
    assert!(main.contains("<li id=\"buoc-2\">"));
    let text = text_of(&html);
    assert!(text.contains("Bước 1 : Đến Công an xã"), "{text}");
    assert!(text.contains("Bước 2 : Kích hoạt trên ứng dụng"), "{text}");
    // Step text is Markdown, with @/ links made into addresses.
    assert!(main.contains("Mang <strong>căn cước</strong> đến Công an xã."));
    assert!(main.contains("<a href=\"/huong-dan/hoi-dap/\">hỏi đáp</a>"));

    let data = json_ld(&html);
    assert_eq!(data.len(), 1, "{data:?}");
    let howto = &data[0];
    assert_eq!(howto["@context"], "https://schema.org");
    assert_eq!(howto["@type"], "HowTo");
    assert_eq!(howto["name"], "Kích hoạt VNeID");
    assert_eq!(howto["inLanguage"], "vi");
    let steps = howto["step"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0]["@type"], "HowToStep");
    assert_eq!(steps[0]["position"], 1);
    assert_eq!(steps[0]["name"], "Đến Công an xã");
    assert_eq!(steps[0]["text"], "Mang căn cước đến Công an xã.");
    assert_eq!(
        steps[1]["url"],
        "https://example.gov.vn/huong-dan/vneid/#buoc-2"
    );
    assert_eq!(
        json_ld(&site.output("en/guides/activate-vneid/index.html"))[0]["inLanguage"],
        "en"
    );
}

#[test]
fn faq_answers_are_details_with_faqpage_json_ld() {
    let site = built();
    let html = site.output("huong-dan/hoi-dap/index.html");
    let main = main_of(&html);
    assert_eq!(main.matches("<details id=\"cau-hoi-").count(), 2, "{main}");
    assert!(main.contains("<summary>Ai phải dùng hóa đơn điện tử?</summary>"));
    assert!(main.contains("<strong>1 tỷ đồng</strong>"));
    // Text that looks like markup is escaped in the page and cannot end the script.
    assert!(
        main.contains("<summary>Mã &lt;script&gt; trong câu trả lời có nguy hiểm không?</summary>")
    );
    let data = json_ld(&html);
    assert_eq!(data.len(), 1);
    let faq = &data[0];
    assert_eq!(faq["@type"], "FAQPage");
    let questions = faq["mainEntity"].as_array().unwrap();
    assert_eq!(questions.len(), 2);
    assert_eq!(questions[0]["@type"], "Question");
    assert_eq!(questions[0]["name"], "Ai phải dùng hóa đơn điện tử?");
    assert_eq!(questions[0]["acceptedAnswer"]["@type"], "Answer");
    assert_eq!(
        questions[1]["name"],
        "Mã <script> trong câu trả lời có nguy hiểm không?"
    );
    assert_eq!(
        questions[1]["acceptedAnswer"]["text"],
        "Không: chữ </script> chỉ là chữ & được thoát."
    );
    assert!(html.contains("chữ \\u003c/script\\u003e chỉ là chữ \\u0026"));
    assert!(main.contains("<code>&lt;/script&gt;</code>"));
}

#[test]
fn campaigns_show_their_dates_and_downloads_their_type_and_size() {
    let site = built();
    let html = site.output("huong-dan/chien-dich/index.html");
    let text = text_of(&html);
    assert!(
        text.contains("Thời gian: Từ 1/10/2025 đến 10/10/2025 Sắp diễn ra"),
        "{text}"
    );
    assert!(text.contains("Áp phích (PDF, 3 KB)"), "{text}");
    assert!(html.contains("href=\"/huong-dan/ap-phich.pdf\""));
    assert_eq!(
        std::fs::metadata(site.path("public/huong-dan/ap-phich.pdf"))
            .unwrap()
            .len(),
        3072
    );
    let event = &json_ld(&html)[0];
    assert_eq!(event["@type"], "Event");
    assert_eq!(event["startDate"], "2025-10-01");
    assert_eq!(event["endDate"], "2025-10-10");
    assert_eq!(event["organizer"]["name"], "Sở Khoa học và Công nghệ");
}

#[test]
fn the_home_page_highlights_featured_pieces_first() {
    let site = built();
    let home = site.output("index.html");
    assert_eq!(
        listed(&home),
        [
            "Ngày Chuyển đổi số",
            "Hỏi đáp hóa đơn điện tử",
            "Kích hoạt VNeID"
        ]
    );
    assert!(home.contains("<a href=\"/huong-dan/\">Xem tất cả tài liệu nâng cao nhận thức</a>"));
    assert_eq!(listed(&site.output("en/index.html")), ["Activating VNeID"]);
}

#[test]
fn a_how_to_without_a_summary_describes_itself_by_its_first_paragraph_as_plain_text() {
    let site = Site::fixture("awareness");
    site.write(
        "content/huong-dan/nop-thue.md",
        "+++\n\
         title = \"Nộp thuế trực tuyến\"\n\
         audience = [\"businesses\"]\n\
         topics = [\"public-services\"]\n\
         \n\
         [[extra.steps]]\n\
         name = \"Đăng nhập\"\n\
         text = \"Dùng tài khoản **VNeID**.\"\n\
         +++\n\
         \n\
         Doanh nghiệp có doanh thu <br> **dưới 100 triệu** & hộ kinh doanh\n\
         nộp tờ khai mẫu `01/TKN-CNKD` (ghi \"&lt;không&gt;\" nếu không có, không ghi \"&amp;lt;\").\n\
         \n\
         Đoạn thứ hai.\n",
    );
    site.build().assert_ok();
    let data = json_ld(&site.output("huong-dan/nop-thue/index.html"));
    assert_eq!(data[0]["@type"], "HowTo");
    // Tags gone, lines joined, the HTML decoded once: text that reads `&lt;` on the page
    // (typed `&amp;lt;`) reads `&lt;` in the description too.
    assert_eq!(
        data[0]["description"],
        "Doanh nghiệp có doanh thu dưới 100 triệu & hộ kinh doanh nộp tờ khai mẫu \
         01/TKN-CNKD (ghi \"<không>\" nếu không có, không ghi \"&lt;\")."
    );
}

#[test]
fn free_topics_outside_awareness_sections_are_not_checked() {
    let site = built();
    assert!(text_of(&site.output("tin-tuc/ra-mat/index.html")).contains("Ra mắt cổng"));
}

#[test]
fn a_folder_named_awareness_is_an_awareness_section_without_an_index() {
    let site = Site::fixture("awareness");
    site.write(
        "content/awareness/luu-y.md",
        "+++\ntitle = \"Lưu ý\"\naudience = [\"officials\"]\ntopics = [\"scams\"]\n+++\nNội dung.\n",
    );
    site.build().assert_ok();
    assert_eq!(
        listed(&site.output("awareness/doi-tuong/can-bo-cong-chuc/index.html")),
        ["Lưu ý"]
    );
    assert!(
        site.output("awareness/index.html")
            .contains("<h1>Nâng cao nhận thức</h1>")
    );
}

#[test]
fn the_example_portal_has_awareness_material_in_both_languages() {
    let portal = ExamplePortal::build();
    portal.run.assert_ok();
    let read = |path: &str| portal.output(path);
    let section = read("nang-cao-nhan-thuc/index.html");
    let count = |html: &str| {
        let text = text_of(html);
        let at = text.find("Tất cả tài liệu (").expect("the count of pieces")
            + "Tất cả tài liệu (".len();
        text[at..]
            .split(' ')
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    assert!(count(&section) >= 12, "{}", text_of(&section));
    let english = read("en/awareness/index.html");
    let text = text_of(&english);
    let at = text.find("All material (").unwrap() + "All material (".len();
    let english_count: usize = text[at..].split(' ').next().unwrap().parse().unwrap();
    assert!(english_count >= 4, "{text}");
    // Every kind of piece is there: guides, questions, campaigns, downloads, charts.
    let guide = read("nang-cao-nhan-thuc/nop-ho-so-truc-tuyen-toan-trinh/index.html");
    assert_eq!(json_ld(&guide)[0]["@type"], "HowTo");
    assert!(
        guide.contains("<svg"),
        "the guide cites a target with its chart"
    );
    let faq = read("nang-cao-nhan-thuc/nhan-dien-lua-dao-truc-tuyen/index.html");
    assert_eq!(json_ld(&faq)[0]["@type"], "FAQPage");
    let leaflet = text_of(&read(
        "nang-cao-nhan-thuc/to-roi-phong-chong-lua-dao/index.html",
    ));
    assert!(leaflet.contains("(PDF, 38 KB)"), "{leaflet}");
    assert!(
        read("nang-cao-nhan-thuc/doi-tuong/nguoi-dan/index.html").contains("<h1>Người dân</h1>")
    );
    assert!(
        read("en/awareness/topic/scams/index.html").contains("Spotting and avoiding online scams")
    );
    let home = text_of(&read("index.html"));
    assert!(home.contains("Cẩm nang chuyển đổi số"), "{home}");
}

#[test]
fn an_unknown_audience_is_placed_at_its_value_with_the_id_meant() {
    let site = Site::fixture("awareness");
    site.write(
        "content/huong-dan/sai.md",
        "+++\ntitle = \"Sai\"\ndate = 2025-01-01\naudience = [\"citizens\", \"người dân\", \"citizen\", \"farmers\"]\n+++\n",
    );
    let stderr = site.build_fails();
    assert!(
        stderr.contains("error[unknown-audience]: `người dân` is not an audience"),
        "{stderr}"
    );
    // Column 26 is the text inside the quotes, after `audience = ["citizens", "`.
    assert!(
        stderr.contains("--> content/huong-dan/sai.md:4:26"),
        "{stderr}"
    );
    assert!(
        stderr.contains("4 | audience = [\"citizens\", \"người dân\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: did you mean \"citizens\"?"),
        "{stderr}"
    );
    assert!(stderr.contains("`citizen` is not an audience"), "{stderr}");
    assert!(
        stderr.contains("hint: write one of: \"citizens\", \"businesses\", \"officials\""),
        "{stderr}"
    );
    // Audiences are checked on every page, not only in awareness sections.
    site.remove("content/huong-dan/sai.md");
    site.write(
        "content/tin-tuc/sai.md",
        "+++\ntitle = \"Sai\"\naudience = [\"busineses\"]\n+++\n",
    );
    let stderr = site.build_fails();
    assert!(stderr.contains("--> content/tin-tuc/sai.md:3:"), "{stderr}");
    assert!(stderr.contains("did you mean \"businesses\"?"), "{stderr}");
}

#[test]
fn bad_topics_steps_campaigns_and_downloads_are_each_placed() {
    let site = Site::fixture("awareness");
    site.write(
        "content/huong-dan/sai.md",
        "+++\n\
         title = \"Sai\"\n\
         topics = [\"chữ ký số\", \"vneid\"]\n\
         \n\
         [extra.campaign]\n\
         start = 2025-10-10\n\
         end = 2025-10-01\n\
         \n\
         [[extra.steps]]\n\
         name = \"Bước một\"\n\
         txt = \"Làm gì đó\"\n\
         \n\
         [[extra.downloads]]\n\
         title = \"Áp phích\"\n\
         file = \"ap-phic.pdf\"\n\
         +++\n",
    );
    let stderr = site.build_fails();
    for expected in [
        "--> content/huong-dan/sai.md:3:",
        "`chữ ký số` is not a topic",
        "did you mean \"digital-signatures\"?",
        "--> content/huong-dan/sai.md:7:7",
        "the campaign ends (2025-10-01) before it starts (2025-10-10)",
        "--> content/huong-dan/sai.md:11:1",
        "unknown key `txt` in extra.steps",
        "did you mean `text`?",
        "item 1 of `steps` has no `text`",
        "--> content/huong-dan/sai.md:15:9",
        "there is no file `content/huong-dan/ap-phic.pdf` to download",
        "did you mean \"ap-phich.pdf\"?",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
}

#[test]
fn a_broken_link_in_a_step_is_placed_at_its_line_in_the_file() {
    let site = Site::fixture("awareness");
    site.write(
        "content/huong-dan/vneid.md",
        "+++\ntitle = \"Kích hoạt VNeID\"\naudience = [\"citizens\"]\n\n[[extra.steps]]\nname = \"Một\"\ntext = \"\"\"\nDòng đầu.\nXem [trang](@/huong-dan/khong-co.md).\n\"\"\"\n+++\n",
    );
    let stderr = site.build_fails();
    assert!(
        stderr.contains("--> content/huong-dan/vneid.md:9:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("there is no page `content/huong-dan/khong-co.md`"),
        "{stderr}"
    );
}

/// The fixture with its own list of topics: four of the built-in ones (not `scams`) and a
/// new one with its names in both languages and its own Vietnamese segment.
fn with_own_topics() -> Site {
    let site = Site::fixture("awareness");
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &format!(
            "{config}\n[awareness]\ntopics = [\n  \
             {{ id = \"vneid\" }},\n  \
             {{ id = \"public-services\" }},\n  \
             {{ id = \"payments\" }},\n  \
             {{ id = \"digital-skills\" }},\n  \
             {{ id = \"cashless\", segment = \"khong-tien-mat\", aliases = [\"tiền mặt\"], \
             name = {{ vi = \"Thanh toán không dùng tiền mặt\", en = \"Cashless payments\" }} }},\n]\n"
        ),
    );
    site.write(
        "content/huong-dan/qr.md",
        "+++\ntitle = \"Trả tiền bằng mã QR\"\ndate = 2025-05-01\naudience = [\"citizens\"]\ntopics = [\"cashless\"]\n+++\nQuét mã.\n",
    );
    site.write(
        "content/huong-dan/qr.en.md",
        "+++\ntitle = \"Paying by QR code\"\nslug = \"qr\"\ndate = 2025-05-01\naudience = [\"citizens\"]\ntopics = [\"cashless\"]\n+++\nScan.\n",
    );
    site
}

#[test]
fn a_sites_own_topic_gets_list_pages_named_as_its_config_says() {
    let site = with_own_topics();
    site.build().assert_ok();
    let vi = site.output("huong-dan/chu-de/khong-tien-mat/index.html");
    assert!(
        vi.contains("<h1>Thanh toán không dùng tiền mặt</h1>"),
        "{vi}"
    );
    assert_eq!(listed(&vi), ["Trả tiền bằng mã QR"]);
    let en = site.output("en/guides/topic/cashless/index.html");
    assert!(en.contains("<h1>Cashless payments</h1>"), "{en}");
    assert_eq!(listed(&en), ["Paying by QR code"]);
    // The piece links to its list by the configured name; the index of topics counts it.
    let piece = site.output("huong-dan/qr/index.html");
    assert!(
        piece.contains(
            "href=\"/huong-dan/chu-de/khong-tien-mat/\">Thanh toán không dùng tiền mặt</a>"
        )
    );
    let topics = text_of(&site.output("huong-dan/chu-de/index.html"));
    assert!(
        topics.contains("Thanh toán không dùng tiền mặt (1 tài liệu)"),
        "{topics}"
    );
    // Listed built-in topics keep their segments and their names from the theme.
    assert!(
        site.output("huong-dan/chu-de/vneid/index.html")
            .contains("<h1>Định danh điện tử VNeID</h1>")
    );
    assert!(site.has_output("huong-dan/chu-de/thanh-toan-so/index.html"));
}

#[test]
fn a_topic_outside_the_sites_list_is_a_placed_warning_and_files_nothing() {
    let site = with_own_topics();
    site.write(
        "content/huong-dan/lua-dao.md",
        "+++\ntitle = \"Cảnh giác lừa đảo\"\ndate = 2025-06-01\ntopics = [\"scams\", \"cashles\"]\n+++\nCẩn thận.\n",
    );
    let run = site.build();
    run.assert_ok();
    let stderr = &run.stderr;
    for expected in [
        "warning[unknown-topic]: `scams` is not a topic this site knows",
        "--> content/huong-dan/lua-dao.md:4:12",
        "write one of: \"vneid\", \"public-services\", \"payments\", \"digital-skills\", \"cashless\"",
        "warning[unknown-topic]: `cashles` is not a topic this site knows",
        "--> content/huong-dan/lua-dao.md:4:21",
        "hint: did you mean \"cashless\"?",
        "add it to `topics` under `[awareness]` in site-config.toml",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    // The piece is built, but filed under no topic: `scams` is not one of this site's.
    let piece = site.output("huong-dan/lua-dao/index.html");
    assert!(text_of(&piece).contains("Cẩn thận."));
    assert!(!piece.contains("/chu-de/"), "{piece}");
    assert!(!site.has_output("huong-dan/chu-de/lua-dao-truc-tuyen/index.html"));
    assert!(!site.has_output("huong-dan/chu-de/scams/index.html"));
    assert_eq!(
        listed(&site.output("huong-dan/chu-de/khong-tien-mat/index.html")),
        ["Trả tiền bằng mã QR"]
    );
}

#[test]
fn serve_keeps_lists_and_downloads_equal_to_a_full_build() {
    let mut s = ServeSession::start("awareness");
    let piece = std::fs::read_to_string(s.site.path("content/huong-dan/hoi-dap.md")).unwrap();
    s.site.write(
        "content/huong-dan/hoi-dap.md",
        &piece.replace("Giải đáp.", "Giải đáp mới."),
    );
    s.step("a piece's body", &["content/huong-dan/hoi-dap.md"]);
    s.site.write(
        "content/huong-dan/hoi-dap.md",
        &piece.replace(
            "audience = [\"businesses\"]",
            "audience = [\"businesses\", \"citizens\"]",
        ),
    );
    s.step("a piece's audience", &["content/huong-dan/hoi-dap.md"]);
    s.site
        .write_bytes("content/huong-dan/ap-phich.pdf", &vec![b'%'; 200 * 1024]);
    s.step("a download's file", &["content/huong-dan/ap-phich.pdf"]);
    assert!(
        std::fs::read_to_string(s.session.output().join("huong-dan/chien-dich/index.html"))
            .unwrap()
            .contains("(PDF, 200 KB)")
    );
    s.site.write(
        "content/huong-dan/moi.md",
        "+++\ntitle = \"Mới\"\ndate = 2025-09-01\naudience = [\"officials\"]\ntopics = [\"scams\"]\n+++\nMới.\n",
    );
    s.step(
        "a new piece with a new topic",
        &["content/huong-dan/moi.md"],
    );
    s.site.remove("content/huong-dan/moi.md");
    s.step("the piece removed", &["content/huong-dan/moi.md"]);
}
