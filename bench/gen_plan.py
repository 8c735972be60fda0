#!/usr/bin/env python3
"""Generate a national plan-transparency portal for minhbach at the scale of a real one.

Usage: gen_plan.py OUT [--provinces 34] [--indicators 120] [--months 24] [--tasks 5000]
                       [--seed 1]

Layout written (OUT is created; its site-config.toml and content/ are replaced):

  OUT/site-config.toml                  title, base_url, languages vi + en, as_of
  OUT/content/_index.md, _index.en.md   the home page
  OUT/content/data/units.toml           40 national agencies (ids, names, aliases, old names)
  OUT/content/data/places.toml          the provinces (34 since 1 July 2025)
  OUT/content/ke-hoach-quoc-gia/
      plan.toml, _index.md, _index.en.md
      groups/NN-ID.md, groups/NN-ID.en.md    9 task groups
      indicators.toml                         the targets
      tasks.csv                               the tasks (the plan's appendix)
      data/GROUP-YEAR.csv                     monthly readings
  OUT/plan-bench.json                   parameters and counts, written last

Breakdowns: half of the indicators are broken down by place (one reading per province per
month), about 5/12 by agency (one reading per unit of units.toml per month) and the rest
are national figures only. Every indicator has a national total each month. With the
defaults that is 120 x 24 totals + 60 x 34 x 24 by province + 50 x 40 x 24 by agency =
99,840 readings. Each place has its `kind`: `city` for the centrally governed cities,
`province` for the others.

Readings are the months up to the as-of date, 2025-12-31; baselines are for 2024 and targets
for 2026, so half the time allowed is gone and the targets' statuses are mixed (achieved,
on track, at risk, off track), as are the tasks' (done, in progress, overdue, ...).

Data are illustrative but valid for minhbach's loaders: unique ids, units of measure from
its fixed list, percentages within 0-100, breakdown values that are registry ids, counts
whose national total is the sum of its parts, task deadlines written in the forms
Vietnamese offices use (30/6/2025, 2025-06-30, Quy IV/2025, Thang 6/2025, Nam 2025,
truoc 30/6/2025, Thuong xuyen, with diacritics), and no task due before it starts.

Standard library only; the output depends only on the arguments.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import shutil
import sys

PLAN_DIR = "ke-hoach-quoc-gia"
AS_OF = dt.date(2025, 12, 31)
# Baselines are for 2024, targets for 2026: at the as-of date half the time allowed is gone.
BASELINE_YEAR = 2024
TARGET_YEAR = 2026
LANGUAGES = ["vi", "en"]

# ------------------------------------------------------------------ registries

# The 34 provinces and centrally governed cities since 1 July 2025: id, Vietnamese name,
# English name, the provinces merged into it (written as aliases, so older data resolve).
PROVINCES = [
    ("ha-noi", "Thành phố Hà Nội", "Hanoi", []),
    ("hue", "Thành phố Huế", "Hue City", ["Thừa Thiên Huế"]),
    ("lai-chau", "Tỉnh Lai Châu", "Lai Chau Province", []),
    ("dien-bien", "Tỉnh Điện Biên", "Dien Bien Province", []),
    ("son-la", "Tỉnh Sơn La", "Son La Province", []),
    ("lang-son", "Tỉnh Lạng Sơn", "Lang Son Province", []),
    ("quang-ninh", "Tỉnh Quảng Ninh", "Quang Ninh Province", []),
    ("thanh-hoa", "Tỉnh Thanh Hóa", "Thanh Hoa Province", []),
    ("nghe-an", "Tỉnh Nghệ An", "Nghe An Province", []),
    ("ha-tinh", "Tỉnh Hà Tĩnh", "Ha Tinh Province", []),
    ("cao-bang", "Tỉnh Cao Bằng", "Cao Bang Province", []),
    ("tuyen-quang", "Tỉnh Tuyên Quang", "Tuyen Quang Province", ["Hà Giang"]),
    ("lao-cai", "Tỉnh Lào Cai", "Lao Cai Province", ["Yên Bái"]),
    ("thai-nguyen", "Tỉnh Thái Nguyên", "Thai Nguyen Province", ["Bắc Kạn"]),
    ("phu-tho", "Tỉnh Phú Thọ", "Phu Tho Province", ["Vĩnh Phúc", "Hòa Bình"]),
    ("bac-ninh", "Tỉnh Bắc Ninh", "Bac Ninh Province", ["Bắc Giang"]),
    ("hung-yen", "Tỉnh Hưng Yên", "Hung Yen Province", ["Thái Bình"]),
    ("hai-phong", "Thành phố Hải Phòng", "Hai Phong City", ["Hải Dương"]),
    ("ninh-binh", "Tỉnh Ninh Bình", "Ninh Binh Province", ["Hà Nam", "Nam Định"]),
    ("quang-tri", "Tỉnh Quảng Trị", "Quang Tri Province", ["Quảng Bình"]),
    ("da-nang", "Thành phố Đà Nẵng", "Da Nang City", ["Quảng Nam"]),
    ("quang-ngai", "Tỉnh Quảng Ngãi", "Quang Ngai Province", ["Kon Tum"]),
    ("gia-lai", "Tỉnh Gia Lai", "Gia Lai Province", ["Bình Định"]),
    ("khanh-hoa", "Tỉnh Khánh Hòa", "Khanh Hoa Province", ["Ninh Thuận"]),
    ("lam-dong", "Tỉnh Lâm Đồng", "Lam Dong Province", ["Đắk Nông", "Bình Thuận"]),
    ("dak-lak", "Tỉnh Đắk Lắk", "Dak Lak Province", ["Phú Yên"]),
    ("ho-chi-minh", "Thành phố Hồ Chí Minh", "Ho Chi Minh City", ["Bình Dương", "Bà Rịa - Vũng Tàu"]),
    ("dong-nai", "Tỉnh Đồng Nai", "Dong Nai Province", ["Bình Phước"]),
    ("tay-ninh", "Tỉnh Tây Ninh", "Tay Ninh Province", ["Long An"]),
    ("can-tho", "Thành phố Cần Thơ", "Can Tho City", ["Sóc Trăng", "Hậu Giang"]),
    ("vinh-long", "Tỉnh Vĩnh Long", "Vinh Long Province", ["Bến Tre", "Trà Vinh"]),
    ("dong-thap", "Tỉnh Đồng Tháp", "Dong Thap Province", ["Tiền Giang"]),
    ("ca-mau", "Tỉnh Cà Mau", "Ca Mau Province", ["Bạc Liêu"]),
    ("an-giang", "Tỉnh An Giang", "An Giang Province", ["Kiên Giang"]),
]

# National agencies: id, Vietnamese name, English name, aliases, an earlier name (vi, en)
# in force until 28 February 2025, when ministries were merged, or None.
UNITS = [
    ("ban-chi-dao-tw", "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "Central Steering Committee for Science, Technology, Innovation and Digital Transformation", ["BCĐTW"], None),
    ("van-phong-chinh-phu", "Văn phòng Chính phủ", "Government Office", ["VPCP"], None),
    ("bo-khcn", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", ["Bộ KH&CN", "BKHCN"], ("Bộ Thông tin và Truyền thông", "Ministry of Information and Communications")),
    ("bo-cong-an", "Bộ Công an", "Ministry of Public Security", ["BCA"], None),
    ("bo-quoc-phong", "Bộ Quốc phòng", "Ministry of National Defence", ["BQP"], None),
    ("bo-ngoai-giao", "Bộ Ngoại giao", "Ministry of Foreign Affairs", ["BNG"], None),
    ("bo-noi-vu", "Bộ Nội vụ", "Ministry of Home Affairs", ["BNV"], None),
    ("bo-tu-phap", "Bộ Tư pháp", "Ministry of Justice", ["BTP"], None),
    ("bo-tai-chinh", "Bộ Tài chính", "Ministry of Finance", ["BTC"], None),
    ("bo-cong-thuong", "Bộ Công Thương", "Ministry of Industry and Trade", ["BCT"], None),
    ("bo-nn-mt", "Bộ Nông nghiệp và Môi trường", "Ministry of Agriculture and Environment", ["Bộ NN&MT"], ("Bộ Nông nghiệp và Phát triển nông thôn", "Ministry of Agriculture and Rural Development")),
    ("bo-xay-dung", "Bộ Xây dựng", "Ministry of Construction", ["BXD"], None),
    ("bo-vhttdl", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism", ["Bộ VHTTDL"], None),
    ("bo-gddt", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", ["Bộ GD&ĐT"], None),
    ("bo-y-te", "Bộ Y tế", "Ministry of Health", ["BYT"], None),
    ("bo-dan-toc-ton-giao", "Bộ Dân tộc và Tôn giáo", "Ministry of Ethnic and Religious Affairs", [], ("Ủy ban Dân tộc", "Committee for Ethnic Minority Affairs")),
    ("ngan-hang-nha-nuoc", "Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam", ["NHNN"], None),
    ("thanh-tra-chinh-phu", "Thanh tra Chính phủ", "Government Inspectorate", ["TTCP"], None),
    ("cuc-cds-quoc-gia", "Cục Chuyển đổi số quốc gia", "National Digital Transformation Agency", ["Cục CĐSQG"], None),
    ("cuc-attt", "Cục An toàn thông tin", "Authority of Information Security", ["Cục ATTT"], None),
    ("cuc-vien-thong", "Cục Viễn thông", "Vietnam Telecommunications Authority", [], None),
    ("cuc-buu-dien-tw", "Cục Bưu điện Trung ương", "Central Post Office Department", [], None),
    ("trung-tam-du-lieu-quoc-gia", "Trung tâm Dữ liệu quốc gia", "National Data Centre", ["TTDLQG"], None),
    ("cuc-c06", "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Police Department for Administrative Management of Social Order", ["C06"], None),
    ("cuc-a05", "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Department of Cybersecurity and High-Tech Crime Prevention", ["A05"], None),
    ("cuc-thue", "Cục Thuế", "Tax Department", ["Tổng cục Thuế"], ("Tổng cục Thuế", "General Department of Taxation")),
    ("cuc-hai-quan", "Cục Hải quan", "Customs Department", [], ("Tổng cục Hải quan", "General Department of Customs")),
    ("kho-bac-nha-nuoc", "Kho bạc Nhà nước", "State Treasury", ["KBNN"], None),
    ("bhxh-viet-nam", "Bảo hiểm xã hội Việt Nam", "Vietnam Social Security", ["BHXH VN"], None),
    ("cuc-thong-ke", "Cục Thống kê", "General Statistics Office", [], ("Tổng cục Thống kê", "General Statistics Office")),
    ("dai-truyen-hinh-vn", "Đài Truyền hình Việt Nam", "Vietnam Television", ["VTV"], None),
    ("dai-tieng-noi-vn", "Đài Tiếng nói Việt Nam", "Voice of Vietnam", ["VOV"], None),
    ("thong-tan-xa-vn", "Thông tấn xã Việt Nam", "Vietnam News Agency", ["TTXVN"], None),
    ("vien-han-lam-khcn", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Vietnam Academy of Science and Technology", ["VAST"], None),
    ("dhqg-ha-noi", "Đại học Quốc gia Hà Nội", "Vietnam National University, Hanoi", ["ĐHQGHN"], None),
    ("dhqg-tp-hcm", "Đại học Quốc gia Thành phố Hồ Chí Minh", "Vietnam National University, Ho Chi Minh City", ["ĐHQG-HCM"], None),
    ("vnpt", "Tập đoàn Bưu chính Viễn thông Việt Nam", "VNPT Group", ["VNPT"], None),
    ("viettel", "Tập đoàn Công nghiệp - Viễn thông Quân đội", "Viettel Group", ["Viettel"], None),
    ("mobifone", "Tổng công ty Viễn thông MobiFone", "MobiFone Corporation", ["MobiFone"], None),
    ("vnpost", "Tổng công ty Bưu điện Việt Nam", "Vietnam Post Corporation", ["VNPost"], None),
]

# ------------------------------------------------------------------ plan structure

# Task groups: id, Vietnamese title, English title, Vietnamese summary, English summary.
GROUPS = [
    ("lanh-dao", "Lãnh đạo, chỉ đạo, kiểm tra, giám sát", "Leadership, direction and oversight",
     "Ban Chỉ đạo Trung ương điều hành theo chỉ tiêu, giao việc rõ người, rõ thời hạn, rõ kết quả.",
     "The Central Steering Committee steers by targets, with a named owner, deadline and result for every task."),
    ("the-che", "Thể chế, chính sách số", "Digital institutions and policy",
     "Hoàn thiện pháp luật về dữ liệu, giao dịch điện tử, an ninh mạng và kinh tế số.",
     "Laws and rules on data, electronic transactions, cybersecurity and the digital economy."),
    ("ha-tang", "Hạ tầng số", "Digital infrastructure",
     "Phủ sóng 5G, cáp quang đến hộ gia đình, trung tâm dữ liệu quốc gia và điện toán đám mây.",
     "5G coverage, fibre to every household, the national data centre and government cloud."),
    ("nhan-luc", "Nhân lực số", "Digital skills",
     "Phổ cập kỹ năng số cho người dân và bồi dưỡng cán bộ, công chức, viên chức.",
     "Digital skills for everyone, and training for officials and public employees."),
    ("du-lieu", "Dữ liệu số", "Digital data",
     "Xây dựng, kết nối các cơ sở dữ liệu quốc gia, chuyên ngành và công bố dữ liệu mở.",
     "National and sector databases built and connected, and open data published."),
    ("an-toan", "An toàn, an ninh mạng", "Information security and cybersecurity",
     "Bảo vệ hệ thống thông tin theo cấp độ và mô hình 4 lớp; diễn tập thực chiến.",
     "Information systems protected by security level and the four-layer model; live-fire exercises."),
    ("chinh-phu-so", "Chính phủ số", "Digital government",
     "Dịch vụ công trực tuyến toàn trình, tái sử dụng dữ liệu và điều hành dựa trên dữ liệu.",
     "Fully online public services, reuse of data already held, and data-driven administration."),
    ("kinh-te-so", "Kinh tế số và xã hội số", "Digital economy and digital society",
     "Thương mại điện tử, thanh toán không dùng tiền mặt và doanh nghiệp công nghệ số.",
     "E-commerce, cashless payments and digital technology businesses."),
    ("tuyen-truyen", "Tuyên truyền, nâng cao nhận thức", "Awareness and communication",
     "Đưa chuyển đổi số đến từng người dân qua báo chí, mạng xã hội và Tổ công nghệ số cộng đồng.",
     "Bringing digital transformation to every citizen through the press, social media and community digital technology teams."),
]

# Indicator themes per group: id stem, Vietnamese name, English name, unit of measure,
# direction. Each theme is measured in several sectors (SECTORS).
THEMES = {
    "lanh-dao": [
        ("ke-hoach-cds-ban-hanh", "Tỷ lệ cơ quan ban hành kế hoạch chuyển đổi số năm", "Agencies with an annual digital transformation plan", "percent", "increase"),
        ("nhiem-vu-dung-han", "Tỷ lệ nhiệm vụ chuyển đổi số hoàn thành đúng hạn", "Digital transformation tasks completed on time", "percent", "increase"),
        ("kiem-tra-giam-sat", "Số cuộc kiểm tra, giám sát chuyển đổi số", "Digital transformation inspections carried out", "count", "increase"),
        ("kinh-phi-cds", "Kinh phí chi cho chuyển đổi số", "Spending on digital transformation", "vnd", "increase"),
    ],
    "the-che": [
        ("van-ban-qppl-so", "Số văn bản quy phạm pháp luật về chuyển đổi số được ban hành", "Legal documents on digital transformation issued", "count", "increase"),
        ("tthc-cat-giam", "Tỷ lệ thủ tục hành chính được cắt giảm, đơn giản hóa", "Administrative procedures cut or simplified", "percent", "increase"),
        ("thoi-gian-ban-hanh-van-ban", "Thời gian trung bình ban hành văn bản hướng dẫn", "Average time to issue implementing guidance", "days", "decrease"),
    ],
    "ha-tang": [
        ("phu-song-5g", "Tỷ lệ dân số được phủ sóng 5G", "Population covered by 5G", "percent", "increase"),
        ("ho-cap-quang", "Số hộ gia đình sử dụng Internet cáp quang", "Households with fibre broadband", "households", "increase"),
        ("he-thong-tren-dam-may", "Số hệ thống thông tin vận hành trên nền tảng điện toán đám mây", "Information systems running on the government cloud", "systems", "increase"),
        ("thoi-gian-gian-doan-mang", "Thời gian gián đoạn Mạng truyền số liệu chuyên dùng", "Downtime of the government data network", "hours", "decrease"),
        ("ket-noi-mang-cd", "Tỷ lệ cơ quan kết nối Mạng truyền số liệu chuyên dùng", "Agencies connected to the government data network", "percent", "maintain"),
    ],
    "nhan-luc": [
        ("cbccvc-ky-nang-so", "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số", "Officials trained in digital skills", "percent", "increase"),
        ("nguoi-dan-binh-dan-hoc-vu-so", "Số người dân tham gia Bình dân học vụ số", "Residents taking part in the digital literacy movement", "people", "increase"),
        ("to-cong-nghe-so", "Số thành viên Tổ công nghệ số cộng đồng", "Members of community digital technology teams", "people", "increase"),
    ],
    "du-lieu": [
        ("csdl-ket-noi", "Số cơ sở dữ liệu được kết nối, chia sẻ qua nền tảng quốc gia", "Databases connected through the national data-sharing platform", "systems", "increase"),
        ("du-lieu-mo-cong-bo", "Số bộ dữ liệu mở được công bố", "Open datasets published", "datasets", "increase"),
        ("tai-su-dung-du-lieu", "Tỷ lệ hồ sơ tái sử dụng dữ liệu đã số hóa", "Dossiers reusing data already digitised", "percent", "increase"),
        ("so-hoa-ket-qua", "Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa", "Administrative decisions digitised", "percent", "increase"),
    ],
    "an-toan": [
        ("httt-phe-duyet-cap-do", "Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn", "Information systems with an approved security level", "percent", "increase"),
        ("su-co-attt", "Số sự cố an toàn thông tin mạng", "Cybersecurity incidents", "count", "decrease"),
        ("thoi-gian-khoi-phuc", "Thời gian trung bình khôi phục hệ thống sau sự cố", "Average time to restore a system after an incident", "hours", "decrease"),
        ("giam-sat-4-lop", "Tỷ lệ hệ thống được giám sát, bảo vệ theo mô hình 4 lớp", "Systems protected under the four-layer model", "percent", "maintain"),
    ],
    "chinh-phu-so": [
        ("dvc-toan-trinh", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "Procedures offered fully online", "percent", "increase"),
        ("ho-so-truc-tuyen", "Tỷ lệ hồ sơ được xử lý trực tuyến toàn trình", "Dossiers processed fully online", "percent", "increase"),
        ("ho-so-tre-han", "Tỷ lệ hồ sơ giải quyết trễ hạn", "Dossiers resolved late", "percent", "decrease"),
        ("thoi-gian-giai-quyet", "Thời gian giải quyết thủ tục hành chính trung bình", "Average time to resolve a dossier", "days", "decrease"),
        ("thanh-toan-truc-tuyen", "Số giao dịch thanh toán trực tuyến phí, lệ phí", "Fees and charges paid online", "count", "increase"),
    ],
    "kinh-te-so": [
        ("doanh-nghiep-cong-nghe-so", "Số doanh nghiệp công nghệ số", "Digital technology businesses", "count", "increase"),
        ("thuong-mai-dien-tu", "Doanh thu thương mại điện tử bán lẻ", "Retail e-commerce revenue", "vnd", "increase"),
        ("thanh-toan-khong-tien-mat", "Tỷ lệ người trưởng thành có tài khoản thanh toán", "Adults with a payment account", "percent", "increase"),
        ("ho-kinh-doanh-hoa-don-dien-tu", "Số hộ kinh doanh sử dụng hóa đơn điện tử", "Household businesses issuing e-invoices", "households", "increase"),
    ],
    "tuyen-truyen": [
        ("tin-bai-cds", "Số tin, bài tuyên truyền về chuyển đổi số", "News items and articles on digital transformation", "count", "increase"),
        ("nguoi-dan-biet-vneid", "Tỷ lệ người dân biết và sử dụng ứng dụng VNeID", "Residents who know and use the VNeID app", "percent", "increase"),
        ("luot-xem-chuyen-muc", "Số lượt người dân tiếp cận chuyên mục chuyển đổi số", "Residents reached by digital transformation programmes", "people", "increase"),
    ],
}

# Sectors a theme is measured in, making the indicators of a real national plan.
SECTORS = [
    ("dat-dai", "lĩnh vực đất đai", "land"),
    ("tu-phap", "lĩnh vực tư pháp, hộ tịch", "justice and civil status"),
    ("y-te", "ngành y tế", "health"),
    ("giao-duc", "ngành giáo dục", "education"),
    ("giao-thong", "lĩnh vực giao thông", "transport"),
    ("xay-dung", "lĩnh vực xây dựng", "construction"),
    ("thue", "lĩnh vực thuế", "tax"),
    ("hai-quan", "lĩnh vực hải quan", "customs"),
    ("bao-hiem", "lĩnh vực bảo hiểm xã hội", "social insurance"),
    ("lao-dong", "lĩnh vực lao động, việc làm", "labour and employment"),
    ("nong-nghiep", "ngành nông nghiệp", "agriculture"),
    ("cong-thuong", "ngành công thương", "industry and trade"),
]

COUNT_LIKE = {"count", "vnd", "households", "people", "systems", "datasets"}

# Typical national baselines (low, high) of each unit of measure, for the national total.
BASE_RANGE = {
    "percent": (35.0, 85.0),
    "count": (800, 60000),
    "vnd": (2_000_000_000_000, 90_000_000_000_000),
    "days": (5.0, 14.0),
    "hours": (6.0, 48.0),
    "households": (2_000_000, 18_000_000),
    "people": (500_000, 30_000_000),
    "systems": (150, 2_500),
    "datasets": (300, 4_000),
}

SOURCES = [
    ("Cổng Dịch vụ công quốc gia", "National Public Service Portal"),
    ("Hệ thống thông tin báo cáo Chính phủ", "Government reporting information system"),
    ("Báo cáo của các bộ, ngành, địa phương", "Reports of ministries and provinces"),
    ("Cơ sở dữ liệu quốc gia về dân cư", "National population database"),
    ("Hệ thống giám sát an toàn thông tin quốc gia", "National cybersecurity monitoring system"),
    ("Báo cáo của doanh nghiệp viễn thông", "Telecom operators' reports"),
]

# ------------------------------------------------------------------ tasks

TASK_VERBS = [
    "Xây dựng", "Triển khai", "Nâng cấp", "Hoàn thiện", "Rà soát, đánh giá", "Kết nối, chia sẻ dữ liệu của",
    "Ban hành", "Tổ chức", "Số hóa", "Mở rộng", "Hướng dẫn, đôn đốc", "Kiểm tra, giám sát",
]
TASK_OBJECTS = {
    "lanh-dao": ["chương trình công tác của Ban Chỉ đạo", "báo cáo sơ kết việc thực hiện kế hoạch", "phiên họp định kỳ của Ban Chỉ đạo", "bộ chỉ số đánh giá chuyển đổi số"],
    "the-che": ["nghị định về quản lý, kết nối và chia sẻ dữ liệu", "thông tư hướng dẫn định mức kinh tế - kỹ thuật", "quy chế khai thác cơ sở dữ liệu", "chính sách hỗ trợ doanh nghiệp chuyển đổi số"],
    "ha-tang": ["hạ tầng điện toán đám mây Chính phủ", "Mạng truyền số liệu chuyên dùng cấp II", "trạm phát sóng 5G", "trung tâm dữ liệu vùng"],
    "nhan-luc": ["khóa bồi dưỡng kỹ năng số trên nền tảng MOOCs", "chương trình đào tạo kỹ sư dữ liệu", "lớp tập huấn an toàn thông tin", "phong trào Bình dân học vụ số"],
    "du-lieu": ["cơ sở dữ liệu chuyên ngành", "danh mục dữ liệu mở", "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia", "kho dữ liệu dùng chung"],
    "an-toan": ["phương án bảo đảm an toàn thông tin theo cấp độ", "diễn tập thực chiến an toàn thông tin mạng", "hệ thống giám sát an toàn thông tin (SOC)", "sao lưu dữ liệu ngoại tuyến theo nguyên tắc 3-2-1"],
    "chinh-phu-so": ["dịch vụ công trực tuyến toàn trình", "Hệ thống thông tin giải quyết thủ tục hành chính", "thanh toán trực tuyến phí, lệ phí", "trợ lý ảo hỗ trợ cán bộ, công chức"],
    "kinh-te-so": ["sàn thương mại điện tử cho nông sản", "hóa đơn điện tử khởi tạo từ máy tính tiền", "nền tảng số cho doanh nghiệp nhỏ và vừa", "thanh toán không dùng tiền mặt"],
    "tuyen-truyen": ["chuyên mục chuyển đổi số trên báo chí", "Ngày Chuyển đổi số quốc gia", "tài liệu hướng dẫn sử dụng VNeID", "cuộc thi tìm hiểu về chuyển đổi số"],
}
TASK_OUTPUTS = [
    "Báo cáo kết quả thực hiện", "Quyết định phê duyệt", "Hệ thống đưa vào vận hành", "Văn bản hướng dẫn",
    "Biên bản nghiệm thu", "Kế hoạch triển khai", "Bộ dữ liệu được công bố", "Thông báo kết luận",
]
STATUS_WORDS = {
    "done": ["done"] * 9 + ["Hoàn thành"],
    "in_progress": ["in_progress"] * 9 + ["Đang thực hiện"],
    "not_started": ["not_started"] * 9 + ["Chưa thực hiện"],
    "cancelled": ["cancelled"] * 4 + ["Dừng thực hiện"],
}
ROMAN = ["I", "II", "III", "IV"]


# ------------------------------------------------------------------ helpers

def toml_str(text):
    return json.dumps(text, ensure_ascii=False)


def local(vi, en):
    return "{ vi = %s, en = %s }" % (toml_str(vi), toml_str(en))


def months_ending(as_of, count):
    """The `count` months ending with the month of `as_of`, oldest first, as (year, month)."""
    year, month = as_of.year, as_of.month
    out = []
    for _ in range(count):
        out.append((year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return out[::-1]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def csv_text(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def fmt_value(unit, value):
    if unit in COUNT_LIKE:
        return str(int(round(value)))
    return "%.1f" % value


# ------------------------------------------------------------------ site files

def site_config(months):
    first = "%d-%02d" % months[0]
    return f"""# A national plan-transparency portal generated by bench/gen_plan.py (illustrative data).
title = {local("Kế hoạch Chuyển đổi số quốc gia — dữ liệu minh họa", "National Digital Transformation Plan — illustrative data")}
description = {local("Công khai chỉ tiêu, nhiệm vụ và tiến độ chuyển đổi số của các bộ, ngành, địa phương (dữ liệu sinh tự động).", "Targets, tasks and progress of ministries and provinces (generated data).")}
base_url = "https://cds.example.gov.vn"
default_language = "vi"
languages = ["vi", "en"]
theme = "default"
# Readings run monthly from {first}; task deadlines are judged against this date.
as_of = {AS_OF.isoformat()}
paginate_by = 10

[agency]
name = {local("Cục Chuyển đổi số quốc gia", "National Digital Transformation Agency")}
email = "cds@example.gov.vn"

[search]
enabled = true
"""


def home_pages():
    vi = """+++
title = "Kế hoạch Chuyển đổi số quốc gia"
summary = "Công khai chỉ tiêu, nhiệm vụ và tiến độ chuyển đổi số của các bộ, ngành, địa phương."
+++

Cổng thông tin công khai [Kế hoạch Chuyển đổi số quốc gia](@/ke-hoach-quoc-gia/_index.md): các chỉ
tiêu theo từng tỉnh, thành phố và từng bộ, ngành, các nhiệm vụ và tiến độ thực hiện hằng tháng.

> Mọi số liệu trên trang được sinh tự động để đo hiệu năng, **không phải số liệu thật**.
"""
    en = """+++
title = "National Digital Transformation Plan"
summary = "Targets, tasks and monthly progress of ministries and provinces."
+++

This portal publishes the [National Digital Transformation Plan](@/ke-hoach-quoc-gia/_index.md):
its targets by province and by agency, its tasks and their monthly progress.

> Every figure here is generated for a benchmark and is **not real data**.
"""
    return vi, en


def units_toml():
    parts = ["# National agencies (generated by bench/gen_plan.py). Task leads, partners,\n"
             "# indicator owners and breakdowns by agency refer to these ids.\n"]
    for uid, vi, en, aliases, old in UNITS:
        parts.append("\n[[unit]]\nid = %s\nname = %s\n" % (toml_str(uid), local(vi, en)))
        if aliases:
            parts.append("aliases = [%s]\n" % ", ".join(toml_str(a) for a in aliases))
        if old:
            parts.append("names = [\n  { until = 2025-02-28, name = %s },\n]\n" % local(*old))
    return "".join(parts)


def places_toml(provinces):
    parts = ["# Provinces and centrally governed cities since 1 July 2025 (generated by\n"
             "# bench/gen_plan.py). Breakdowns by place refer to these ids; the provinces merged\n"
             "# into each are its aliases.\n"]
    for pid, vi, en, merged in provinces:
        kind = "city" if vi.startswith("Thành phố") else "province"
        parts.append("\n[[place]]\nid = %s\nname = %s\nkind = %s\n"
                     % (toml_str(pid), local(vi, en), toml_str(kind)))
        if merged:
            parts.append("aliases = [%s]\n" % ", ".join(toml_str(m) for m in merged))
    return "".join(parts)


def plan_toml():
    return f"""# The national plan generated by bench/gen_plan.py. Every figure is illustrative.
id = "kh-cds-quoc-gia"
title = {local("Kế hoạch Chuyển đổi số quốc gia giai đoạn 2025-2026", "National Digital Transformation Plan 2025-2026")}
number = "1024/QĐ-TTg"
issued = 2024-12-15
issuer = {local("Thủ tướng Chính phủ", "Prime Minister")}
signer = {local("Phó Thủ tướng Chính phủ", "Deputy Prime Minister")}
status = "approved"
period = "2025-2026"

legal_bases = [
  {local("Quyết định số 749/QĐ-TTg ngày 03/6/2020 phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030", "Decision 749/QD-TTg of 3 June 2020 approving the National Digital Transformation Programme to 2025, with orientations to 2030")},
  {local("Quyết định số 06/QĐ-TTg ngày 06/01/2022 phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06)", "Decision 06/QD-TTg of 6 January 2022 approving the population data, electronic identification and authentication project (Project 06)")},
]

attachments = [
  {{ title = {local("Phụ lục I: Danh mục nhiệm vụ", "Appendix I: Tasks")}, file = "tasks.csv" }},
  {{ title = {local("Phụ lục II: Các chỉ tiêu và phương pháp đo lường", "Appendix II: Targets and how they are measured")}, file = "indicators.toml" }},
]
"""


def plan_pages(indicators, tasks, provinces):
    n_i, n_t, n_p = len(indicators), len(tasks), len(provinces)
    vi = f"""+++
title = "Kế hoạch Chuyển đổi số quốc gia giai đoạn 2025-2026"
summary = "{n_i} chỉ tiêu, 9 nhóm nhiệm vụ và {n_t} nhiệm vụ; số liệu hằng tháng của {n_p} tỉnh, thành phố và các bộ, ngành."
+++

Kế hoạch đặt ra {n_i} chỉ tiêu định lượng, mỗi chỉ tiêu có giá trị cơ sở năm 2024, mục tiêu năm 2026
và phương pháp đo lường, cùng {n_t} nhiệm vụ thuộc 9 nhóm. Số liệu được cập nhật hằng tháng, theo
từng tỉnh, thành phố và từng bộ, ngành.

> Kế hoạch này và mọi số liệu trên trang được **sinh tự động** để đo hiệu năng.

## Tổ chức thực hiện

- **Bộ Khoa học và Công nghệ** là cơ quan thường trực, tổng hợp số liệu hằng tháng.
- **Các bộ, ngành, địa phương** báo cáo tiến độ nhiệm vụ hằng quý và số liệu chỉ tiêu hằng tháng.
"""
    en = f"""+++
title = "National Digital Transformation Plan 2025-2026"
summary = "{n_i} targets, 9 task groups and {n_t} tasks; monthly figures for {n_p} provinces and for each agency."
+++

The plan sets {n_i} quantified targets, each with a 2024 baseline, a 2026 goal and a stated way of
measuring it, and {n_t} tasks in 9 groups. Figures are updated monthly, by province and by agency.

> This plan and every figure on this site are **generated** for a benchmark.

## Implementation

- **The Ministry of Science and Technology** coordinates and compiles the monthly figures.
- **Ministries and provinces** report on their tasks quarterly and on the targets monthly.
"""
    return vi, en


def group_pages(rng):
    out = []
    for order, (gid, vi, en, sum_vi, sum_en) in enumerate(GROUPS, start=1):
        objects = TASK_OBJECTS[gid]
        body_vi = "\n".join(
            f"- **{rng.choice(TASK_VERBS)} {o}** theo lộ trình của kế hoạch, có sản phẩm cụ thể." for o in objects
        )
        body_en = "\n".join(f"- Work item {i + 1} of this group, with a concrete output." for i in range(len(objects)))
        name = f"{order:02d}-{gid}"
        out.append((f"{name}.md",
                    f"+++\nid = \"{gid}\"\norder = {order}\ntitle = {toml_str(vi)}\nsummary = {toml_str(sum_vi)}\n+++\n\n"
                    f"{sum_vi}\n\n{body_vi}\n"))
        out.append((f"{name}.en.md",
                    f"+++\nid = \"{gid}\"\norder = {order}\ntitle = {toml_str(en)}\nsummary = {toml_str(sum_en)}\n+++\n\n"
                    f"{sum_en}\n\n{body_en}\n"))
    return out


# ------------------------------------------------------------------ indicators

def make_indicators(rng, count, n_commune, n_department):
    """`count` indicators spread over the groups in turn, each a theme measured in a sector."""
    candidates = {gid: [(t, s) for s in SECTORS for t in THEMES[gid]] for gid, *_ in GROUPS}
    for gid in candidates:
        rng.shuffle(candidates[gid])
    order = [gid for gid, *_ in GROUPS]
    picked = []
    while len(picked) < count:
        progressed = False
        for gid in order:
            if len(picked) == count:
                break
            if candidates[gid]:
                picked.append((gid, *candidates[gid].pop()))
                progressed = True
        if not progressed:
            sys.exit(f"gen_plan.py: at most {len(picked)} indicators can be made")
    # Which are broken down, and by what: spread across groups and units of measure.
    kinds = ["commune"] * n_commune + ["department"] * n_department
    kinds += [None] * (count - len(kinds))
    rng.shuffle(kinds)
    unit_ids = [u[0] for u in UNITS]
    indicators = []
    for (gid, theme, sector), breakdown in zip(picked, kinds):
        stem, name_vi, name_en, unit, direction = theme
        skey, sector_vi, sector_en = sector
        low, high = BASE_RANGE[unit]
        if unit == "percent":
            baseline = round(rng.uniform(low, high), 1)
            if direction == "increase":
                target = round(min(100.0, baseline + rng.uniform(8, 30)), 1)
            elif direction == "decrease":
                baseline = round(rng.uniform(2.0, 12.0), 1)
                target = round(baseline * rng.uniform(0.3, 0.7), 1)
            else:
                baseline = round(rng.uniform(95.0, 99.5), 1)
                target = 99.5
        elif unit in ("days", "hours"):
            baseline = round(rng.uniform(low, high), 1)
            target = round(baseline * rng.uniform(0.5, 0.85), 1)
        else:
            baseline = float(int(rng.uniform(low, high)))
            if direction == "decrease":
                target = float(int(baseline * rng.uniform(0.5, 0.8)))
            else:
                target = float(int(baseline * rng.uniform(1.2, 2.5)))
        if target == baseline and direction != "maintain":
            target = baseline + 1
        indicator = {
            "id": f"{stem}-{skey}",
            "group": gid,
            "name_vi": f"{name_vi} ({sector_vi})",
            "name_en": f"{name_en} ({sector_en})",
            "unit": unit,
            "direction": direction,
            "baseline": baseline,
            "target": target,
            "breakdown": breakdown,
            "responsible": rng.choice(unit_ids[1:18]),
            "source": rng.choice(SOURCES),
            # How fast the indicator moves, relative to the straight line from its baseline
            # to its target: a few get there early, most are near the line, some lag or slip.
            "pace": rng.choice([2.1, 1.2, 1.05, 1.0, 0.97, 0.9, 0.8, 0.7, 0.55, 0.3, -0.2]),
        }
        if rng.random() < 0.3:
            indicator["milestone"] = baseline + (target - baseline) * 0.5
        indicators.append(indicator)
    return indicators


def indicators_toml(indicators):
    parts = ["# Targets of the national plan (Appendix II), generated by bench/gen_plan.py.\n"
             f"# Baselines are for {BASELINE_YEAR}, targets for the end of {TARGET_YEAR}.\n"]
    for ind in indicators:
        unit = ind["unit"]

        def value(v):
            return fmt_value(unit, v)

        share = "Tổng số" if unit in COUNT_LIKE else "Tỷ lệ, giá trị trung bình"
        method_vi = f"{share} của {ind['name_vi'][0].lower()}{ind['name_vi'][1:]}, tính vào ngày cuối tháng theo số liệu báo cáo."
        method_en = f"{ind['name_en']}, measured on the last day of each month from the reported figures."
        parts.append(
            "\n[[indicator]]\n"
            f"id = {toml_str(ind['id'])}\n"
            f"group = {toml_str(ind['group'])}\n"
            f"name = {local(ind['name_vi'], ind['name_en'])}\n"
            f"unit = {toml_str(unit)}\n"
            f"direction = {toml_str(ind['direction'])}\n"
            f"baseline = {{ period = \"{BASELINE_YEAR}\", value = {value(ind['baseline'])} }}\n"
            f"target = {{ period = \"{TARGET_YEAR}\", value = {value(ind['target'])} }}\n"
        )
        if "milestone" in ind:
            parts.append(f"milestones = [ {{ period = \"{BASELINE_YEAR + 1}-12\", value = {value(ind['milestone'])} }} ]\n")
        parts.append(
            f"method = {local(method_vi, method_en)}\n"
            f"source = {local(*ind['source'])}\n"
            "frequency = \"monthly\"\n"
            f"responsible = {toml_str(ind['responsible'])}\n"
        )
        if ind["breakdown"]:
            parts.append(f"breakdown = {toml_str(ind['breakdown'])}\n")
    return "".join(parts)


def clamp(unit, value):
    if unit == "percent":
        return min(100.0, max(0.0, value))
    return max(0.0, value)


def time_share(year, month):
    """The share of the time from the end of the baseline year to the end of the target
    year that has passed by the end of a month (negative before the baseline's end)."""
    baseline_end = dt.date(BASELINE_YEAR, 12, 31)
    allowed = (dt.date(TARGET_YEAR, 12, 31) - baseline_end).days
    last_day = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return (last_day - baseline_end).days / allowed


def readings_for(rng, ind, months, provinces):
    """Rows (period, value, breakdown) of one indicator: a total and its parts each month."""
    unit = ind["unit"]
    parts = []
    if ind["breakdown"] == "commune":
        parts = [p[0] for p in provinces]
    elif ind["breakdown"] == "department":
        parts = [u[0] for u in UNITS]
    # Each part's share (of a count) or its offset (of a rate) stays the same over time.
    weights = [rng.uniform(0.3, 3.0) for _ in parts]
    total_weight = sum(weights)
    shares = [w / total_weight for w in weights]
    spread = 0.12 if unit == "percent" else 0.2
    offsets = [rng.uniform(-spread, spread) for _ in parts]
    rows = []
    for year, month in months:
        progress = ind["pace"] * time_share(year, month)
        trend = ind["baseline"] + (ind["target"] - ind["baseline"]) * progress
        trend *= 1 + rng.uniform(-0.01, 0.01)
        period = "%d-%02d" % (year, month)
        if not parts:
            rows.append((period, clamp(unit, trend), ""))
            continue
        if unit in COUNT_LIKE:
            values = [clamp(unit, round(trend * s * (1 + rng.uniform(-0.05, 0.05)))) for s in shares]
            total = sum(values)
        else:
            # A rate: each part sits around the national figure; the national figure is the
            # weighted mean of the parts (written with one decimal, as published).
            values = [clamp(unit, round(trend * (1 + o) + rng.uniform(-0.5, 0.5), 1)) for o in offsets]
            total = sum(v * s for v, s in zip(values, shares))
        rows.append((period, total, ""))
        rows.extend((period, v, part) for v, part in zip(values, parts))
    return rows


# ------------------------------------------------------------------ tasks

def deadline_text(rng, day, due):
    """`day` written in one of the forms offices use; the form's own date stays on the
    right side of `day` (a start's period begins on or before it, a due's ends on or after)."""
    form = rng.randrange(7 if due else 6)
    q = (day.month - 1) // 3
    if form == 0:
        return f"{day.day}/{day.month}/{day.year}"
    if form == 1:
        return day.isoformat()
    if form == 2:
        return f"Quý {ROMAN[q]}/{day.year}"
    if form == 3:
        return f"Tháng {day.month}/{day.year}"
    if form == 4:
        return f"Năm {day.year}"
    if form == 5:
        if not due:
            return f"{day.day:02d}/{day.month:02d}/{day.year}"
        after = day + dt.timedelta(days=1)
        return f"trước {after.day}/{after.month}/{after.year}"
    return "Thường xuyên"


def make_tasks(rng, count):
    unit_ids = [u[0] for u in UNITS]
    aliases = {u[0]: u[3] for u in UNITS}
    per_group = {gid: 0 for gid, *_ in GROUPS}
    first = dt.date(2024, 1, 1)
    rows = []
    for n in range(count):
        g = n % len(GROUPS)
        gid = GROUPS[g][0]
        per_group[gid] += 1
        start = first + dt.timedelta(days=rng.randrange(0, 640))
        due = start + dt.timedelta(days=rng.randrange(30, 420))
        start_text = deadline_text(rng, start, False) if rng.random() < 0.85 else ""
        due_text = deadline_text(rng, due, True)
        lead = rng.choice(unit_ids)
        # Offices sometimes write a unit's short name instead of its id.
        lead_text = aliases[lead][0] if aliases[lead] and rng.random() < 0.1 else lead
        partners = rng.sample([u for u in unit_ids if u != lead], rng.randrange(0, 5))
        # Where it stands: most work due before the as-of date is done, some is late.
        if rng.random() < 0.03:
            state, percent = "cancelled", rng.choice(["0", ""])
        elif due_text != "Thường xuyên" and due < AS_OF - dt.timedelta(days=60):
            if rng.random() < 0.82:
                state, percent = "done", "100"
            else:
                state, percent = "in_progress", str(rng.randrange(20, 96))
        elif start > AS_OF:
            state, percent = "not_started", "0"
        else:
            state = rng.choice(["in_progress", "in_progress", "in_progress", "not_started", "done"])
            percent = {"done": "100", "not_started": "0"}.get(state) or str(rng.randrange(5, 96))
        budget = "" if rng.random() < 0.4 else str(rng.choice([50, 120, 350, 800, 1500, 4200, 12000, 65000]) + rng.randrange(0, 50))
        objects = TASK_OBJECTS[gid]
        title = f"{rng.choice(TASK_VERBS)} {rng.choice(objects)} {rng.choice(SECTORS)[1]}"
        if rng.random() < 0.4:
            title += f" tại {rng.choice(PROVINCES)[1]}"
        rows.append([
            f"NV-{g + 1}.{per_group[gid]:04d}", gid, title, lead_text, ";".join(partners),
            start_text, due_text, rng.choice(STATUS_WORDS[state]), percent, budget,
            rng.choice(TASK_OUTPUTS),
        ])
    return rows


# ------------------------------------------------------------------ main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--indicators", type=int, default=120)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not 1 <= args.provinces <= len(PROVINCES):
        sys.exit(f"gen_plan.py: --provinces must be 1 to {len(PROVINCES)}")
    if min(args.indicators, args.months, args.tasks) < 1:
        sys.exit("gen_plan.py: --indicators, --months and --tasks must be at least 1")

    rng = random.Random(args.seed)
    out = args.out
    for stale in ("content", "site-config.toml", "plan-bench.json"):
        path = os.path.join(out, stale)
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)
    content = os.path.join(out, "content")
    plan = os.path.join(content, PLAN_DIR)
    provinces = PROVINCES[: args.provinces]
    months = months_ending(AS_OF, args.months)

    n_commune = args.indicators // 2
    n_department = round(args.indicators * 5 / 12)
    indicators = make_indicators(rng, args.indicators, n_commune, n_department)
    tasks = make_tasks(rng, args.tasks)

    write(os.path.join(out, "site-config.toml"), site_config(months))
    vi, en = home_pages()
    write(os.path.join(content, "_index.md"), vi)
    write(os.path.join(content, "_index.en.md"), en)
    write(os.path.join(content, "data", "units.toml"), units_toml())
    write(os.path.join(content, "data", "places.toml"), places_toml(provinces))
    write(os.path.join(plan, "plan.toml"), plan_toml())
    vi, en = plan_pages(indicators, tasks, provinces)
    write(os.path.join(plan, "_index.md"), vi)
    write(os.path.join(plan, "_index.en.md"), en)
    for name, text in group_pages(rng):
        write(os.path.join(plan, "groups", name), text)
    write(os.path.join(plan, "indicators.toml"), indicators_toml(indicators))
    header = ["id", "group", "title", "lead", "partners", "start", "due", "status", "percent", "budget", "output"]
    write(os.path.join(plan, "tasks.csv"), csv_text(header, tasks))

    # Readings: one file per group and year, as ministries send them in.
    files = {}
    readings = 0
    for ind in indicators:
        for period, value, part in readings_for(rng, ind, months, provinces):
            note = ""
            if not part and period.endswith("-06") and rng.random() < 0.2:
                note = "Số liệu sơ bộ, cập nhật sau khi đối soát"
            key = (ind["group"], period[:4])
            files.setdefault(key, []).append([ind["id"], period, fmt_value(ind["unit"], value), part, note, ""])
            readings += 1
    header = ["indicator", "period", "value", "breakdown", "note", "source"]
    for (gid, year), rows in sorted(files.items()):
        # Rows by month, then indicator, as a monthly report is compiled.
        rows.sort(key=lambda r: (r[1], r[0]))
        write(os.path.join(plan, "data", f"{gid}-{year}.csv"), csv_text(header, rows))

    info = {
        "provinces": args.provinces,
        "indicators": args.indicators,
        "months": args.months,
        "tasks": args.tasks,
        "seed": args.seed,
        "readings": readings,
        "units": len(UNITS),
        "by_place": n_commune,
        "by_agency": n_department,
        "plan_dir": PLAN_DIR,
        "languages": LANGUAGES,
        "default_language": "vi",
        "indicator_ids": [ind["id"] for ind in indicators],
        "data_files": len(files),
    }
    write(os.path.join(out, "plan-bench.json"), json.dumps(info, ensure_ascii=False, indent=1) + "\n")
    print(f"{out}: {len(indicators)} indicators, {len(tasks)} tasks, {readings} readings in {len(files)} files")


if __name__ == "__main__":
    main()
