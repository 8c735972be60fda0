//! An incremental rebuild must give byte-identical output to a fresh full build. A scripted
//! sequence of edits — bodies, front matter, new and deleted pages, templates, static files,
//! plan data, a broken page and its fix — is applied to a `serve` session, and after each the
//! session's folder is compared with a full build of the same files.

mod common;

use common::ServeSession;

#[test]
fn every_edit_gives_what_a_full_build_gives() {
    let mut h = ServeSession::start("basic");
    let site = &h.site;

    // A body edit re-renders the page and what lists it, not the whole site.
    let page = std::fs::read_to_string(site.path("content/tin-tuc/tin-2.md")).unwrap();
    site.write(
        "content/tin-tuc/tin-2.md",
        &page.replace("Nội dung tin số 2.", "Nội dung mới của tin số 2."),
    );
    let update = h.step("body edit", &["content/tin-tuc/tin-2.md"]);
    assert!(
        update.rendered < 10,
        "a body edit rendered {} outputs",
        update.rendered
    );
    assert!(update.written >= 1);

    // An edit that changes nothing renders nothing.
    let update = h.step("no change", &["content/tin-tuc/tin-2.md"]);
    assert_eq!(update.written, 0);

    let site = &h.site;
    // Front matter: a new title moves the page in its section's list and the nav.
    site.write(
        "content/tin-tuc/tin-1.md",
        "+++\ntitle = \"Tin đã đổi tên\"\ndate = 2025-05-10\n+++\n\nNội dung.\n",
    );
    h.step("front matter edit", &["content/tin-tuc/tin-1.md"]);

    let site = &h.site;
    site.write(
        "content/tin-tuc/tin-moi.md",
        "+++\ntitle = \"Tin mới\"\ndate = 2025-08-01\n+++\n\nMới.\n",
    );
    h.step("new page", &["content/tin-tuc/tin-moi.md"]);

    let site = &h.site;
    site.remove("content/tin-tuc/tin-3.md");
    let update = h.step("deleted page", &["content/tin-tuc/tin-3.md"]);
    assert!(update.removed >= 1);

    let site = &h.site;
    site.write("templates/page.html", "{% extends \"base.html\" %}{% block main %}<article class=\"own\">{{ page.content }}</article>{% endblock main %}");
    h.step("new site template", &["templates/page.html"]);

    let site = &h.site;
    site.write("static/css/extra.css", "p { color: black; }\n");
    h.step("new static file", &["static/css/extra.css"]);

    // A page becoming the search page puts a link in every page's header, even pages that
    // show nothing of it; taking it away takes the link away.
    let site = &h.site;
    let news = std::fs::read_to_string(site.path("content/tin-tuc/tin-2.md")).unwrap();
    site.write(
        "content/tin-tuc/tin-2.md",
        &news.replacen("+++\n", "+++\ntemplate = \"search.html\"\n", 1),
    );
    h.step(
        "a page becomes the search page",
        &["content/tin-tuc/tin-2.md"],
    );
    assert!(
        std::fs::read_to_string(h.session.output().join("gioi-thieu/index.html"))
            .unwrap()
            .contains("class=\"header-search\"")
    );
    let site = &h.site;
    site.write("content/tin-tuc/tin-2.md", &news);
    h.step(
        "the search page is a page again",
        &["content/tin-tuc/tin-2.md"],
    );

    let site = &h.site;
    site.write(
        "content/gioi-thieu.en.md",
        "+++\ntitle = \"About us\"\nslug = \"about\"\n+++\n\nChanged.\n",
    );
    h.step("translation edit", &["content/gioi-thieu.en.md"]);

    // A broken page is an error and nothing is written; its fix brings the site back in line.
    let site = &h.site;
    site.write(
        "content/hong.md",
        "+++\ntitle = \"Hỏng\"\n+++\n\nSee [x](@/khong-co.md).\n",
    );
    let broken = h.session.apply(&["content/hong.md".to_string()]);
    assert!(broken.is_err());
    let site = &h.site;
    site.write(
        "content/hong.md",
        "+++\ntitle = \"Đã sửa\"\n+++\n\nSee [x](@/gioi-thieu.md).\n",
    );
    h.step("fixed page", &["content/hong.md"]);

    let site = &h.site;
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &config.replace("paginate_by = 2", "paginate_by = 3"),
    );
    h.step("config edit", &["site-config.toml"]);
}

#[test]
fn plan_data_edits_give_what_a_full_build_gives() {
    let mut h = ServeSession::start("plan");
    let site = &h.site;
    let data = std::fs::read_to_string(site.path("content/kh/data/tien-do.csv")).unwrap();
    site.write(
        "content/kh/data/tien-do.csv",
        &data.replace("dvc,2025-09,85,,Quý 3,", "dvc,2025-09,91,,Quý 3,"),
    );
    h.step("a reading changes", &["content/kh/data/tien-do.csv"]);

    let site = &h.site;
    let tasks = std::fs::read_to_string(site.path("content/kh/tasks.csv")).unwrap();
    site.write(
        "content/kh/tasks.csv",
        &tasks.replace("in_progress,60", "done,100"),
    );
    h.step("a task is done", &["content/kh/tasks.csv"]);

    let site = &h.site;
    let group = std::fs::read_to_string(site.path("content/kh/groups/02-ha-tang.md")).unwrap();
    site.write(
        "content/kh/groups/02-ha-tang.md",
        &group.replace("Phủ sóng băng rộng.", "Phủ sóng băng rộng khắp tỉnh."),
    );
    h.step("a group's narrative", &["content/kh/groups/02-ha-tang.md"]);

    let site = &h.site;
    site.write(
        "content/kh/data/them.csv",
        "indicator,period,value\nngay-xu-ly,2025-09-30,7.5\n",
    );
    h.step("a new data file", &["content/kh/data/them.csv"]);

    // A task's own page and the site's registry of units are inputs the plan loader
    // declares; nothing in `serve` names them.
    let site = &h.site;
    let task = std::fs::read_to_string(site.path("content/kh/tasks/NV-1.01.md")).unwrap();
    site.write(
        "content/kh/tasks/NV-1.01.md",
        &task.replace(
            "Nhiệm vụ trọng tâm của năm.",
            "Nhiệm vụ trọng tâm nhất của năm.",
        ),
    );
    h.step("a task page's body", &["content/kh/tasks/NV-1.01.md"]);

    let site = &h.site;
    let units = std::fs::read_to_string(site.path("content/data/units.toml")).unwrap();
    site.write(
        "content/data/units.toml",
        &units.replace("\"Sở Nội vụ\"", "\"Sở Nội vụ tỉnh\""),
    );
    h.step("a unit is renamed", &["content/data/units.toml"]);

    // The places' shapes are an input too: a new boundary file draws the commune map, and
    // an edit to it redraws the map on the indicator's pages.
    let shapes = |east: &str| {
        format!(
            "{{\"type\": \"FeatureCollection\", \"features\": [\n\
             {{\"type\": \"Feature\", \"properties\": {{\"id\": \"xa-a\"}}, \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": [[[106.0, 21.0], [106.1, 21.0], [106.1, 21.1], [106.0, 21.0]]]}}}},\n\
             {{\"type\": \"Feature\", \"properties\": {{\"ten\": \"Xã B\"}}, \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": [[[106.1, 21.0], [{east}, 21.0], [{east}, 21.1], [106.1, 21.1], [106.1, 21.0]]]}}}}\n\
             ]}}\n"
        )
    };
    let site = &h.site;
    site.write("content/data/places.geojson", &shapes("106.2"));
    h.step("boundaries added", &["content/data/places.geojson"]);
    let page = h.session.output().join("kh/chi-tieu/phu-song/index.html");
    let before = std::fs::read_to_string(&page).unwrap();
    assert!(before.contains("chart chart-map"));

    let site = &h.site;
    site.write("content/data/places.geojson", &shapes("106.35"));
    let update = h.step("a boundary moves", &["content/data/places.geojson"]);
    assert!(update.written >= 2, "{update:?}");
    assert_ne!(std::fs::read_to_string(&page).unwrap(), before);
}

#[test]
fn a_template_edit_re_renders_only_the_pages_that_use_it() {
    let mut h = ServeSession::start("basic");
    let site = &h.site;
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>404</h1>{% endblock main %}",
    );
    h.step("404 template", &["templates/404.html"]);
    let site = &h.site;
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Không thấy</h1>{% endblock main %}",
    );
    let update = h.step("404 template edit", &["templates/404.html"]);
    // Only the two 404 pages (one per language) use it.
    assert_eq!(update.rendered, 2, "{update:?}");
    assert_eq!(h.session.template_of("404.html"), Some("404.html"));
}

#[test]
fn a_template_edit_renders_the_open_page_first_and_the_rest_in_the_background() {
    let mut h = ServeSession::start("basic");
    let open = "tin-tuc/tin-2/index.html";
    let other = "tin-tuc/tin-1/index.html";
    let asked = "gioi-thieu/index.html";
    h.session.defer_over(0);
    h.site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<article class=\"edited\">{{ page.content }}</article>{% endblock main %}",
    );
    let update = h
        .session
        .apply_deferring(
            &["templates/page.html".to_string()],
            std::collections::BTreeSet::from([open.to_string()]),
        )
        .expect("the edit applies");
    assert!(update.deferred > 0, "{update:?}");
    let output = h.session.output().to_path_buf();
    let read = |path: &str| std::fs::read_to_string(output.join(path)).unwrap();
    assert!(
        read(open).contains("class=\"edited\""),
        "the open page is rendered at once"
    );
    assert!(!read(other).contains("class=\"edited\""), "the others wait");
    let pending: Vec<String> = h.session.pending_paths().map(String::from).collect();
    assert_eq!(pending.len(), update.deferred);
    assert!(pending.iter().any(|p| p == other) && pending.iter().any(|p| p == asked));

    // A page asked for is rendered before the others.
    let (rendered, _) = h.session.render_pending(&[asked.to_string()], 1).unwrap();
    assert_eq!(rendered, vec![asked.to_string()]);
    assert!(read(asked).contains("class=\"edited\""));
    assert!(!read(other).contains("class=\"edited\""));
    while h.session.pending_paths().next().is_some() {
        h.session.render_pending(&[], 2).unwrap();
    }
    h.session.update_search().unwrap();
    h.assert_same_as_full_build("template edit rendered in the background");

    // A change that comes while outputs are pending renders them with its own.
    h.site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<article class=\"again\">{{ page.content }}</article>{% endblock main %}",
    );
    let update = h
        .session
        .apply_deferring(
            &["templates/page.html".to_string()],
            std::collections::BTreeSet::from([open.to_string()]),
        )
        .unwrap();
    assert!(update.deferred > 0);
    h.step(
        "a body edit while pages are pending",
        &["content/tin-tuc/tin-2.md"],
    );
    assert!(h.session.pending_paths().next().is_none());
}
