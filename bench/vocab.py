"""Vocabulary for the benchmark corpus (people-to-people diplomacy, Vietnamese and English).

Every entry is a real word or short phrase; sentences are assembled from them as
subject + verb + object (+ adverbial), which reads like bulletin prose without being it.
"""

# ---------------------------------------------------------------- Vietnamese
VI_SUBJECTS = [
    "Liên hiệp các tổ chức hữu nghị tỉnh", "Ban Thường trực Liên hiệp", "Chủ tịch Liên hiệp",
    "Phó Chủ tịch Liên hiệp", "đoàn đại biểu tỉnh", "các hội hữu nghị thành viên",
    "Ủy ban nhân dân tỉnh", "Sở Ngoại vụ", "Ủy ban Mặt trận Tổ quốc", "Hội Liên hiệp Phụ nữ",
    "Tỉnh đoàn", "Hội Cựu chiến binh", "Hội Nông dân", "các tổ chức phi chính phủ nước ngoài",
    "Đại sứ quán", "Tổng Lãnh sự quán", "cán bộ làm công tác đối ngoại", "hội viên",
    "lãnh đạo tỉnh", "bà con kiều bào", "các nhà tài trợ", "đoàn thanh niên", "người dân địa phương",
    "chính quyền các cấp", "Bộ Ngoại giao", "Ban Đối ngoại Trung ương", "Hội Hữu nghị Việt Nam – Lào",
    "Hội Hữu nghị Việt Nam – Campuchia", "Hội Hữu nghị Việt – Nhật", "Hội Hữu nghị Việt Nam – Hàn Quốc",
    "Hội Hữu nghị Việt – Pháp", "Hội Hữu nghị Việt Nam – Cu Ba", "Liên hiệp các tổ chức hữu nghị Việt Nam",
    "Ủy ban công tác về các tổ chức phi chính phủ nước ngoài", "tình nguyện viên quốc tế",
    "đoàn công tác", "Ban Chấp hành", "Văn phòng Liên hiệp", "các sở, ban, ngành",
    "Trường Đại học", "Hội Chữ thập đỏ", "Quỹ Hòa bình và Phát triển", "Hội Hữu nghị Việt Nam – Ấn Độ",
    "Hội Hữu nghị Việt – Đức", "Hội Hữu nghị Việt Nam – Thái Lan", "các doanh nghiệp",
]
VI_VERBS = [
    "tổ chức", "triển khai", "phối hợp thực hiện", "tiếp đón", "ký kết", "trao tặng", "tham dự",
    "đánh giá", "tổng kết", "thúc đẩy", "tăng cường", "vận động", "hỗ trợ", "giới thiệu", "thảo luận",
    "thống nhất", "đề xuất", "quán triệt", "học tập", "chia sẻ", "ghi nhận", "biểu dương",
    "khen thưởng", "khảo sát", "bàn giao", "khánh thành", "phát động", "nâng cao", "mở rộng",
    "củng cố", "kiện toàn", "xây dựng", "ban hành", "thông qua", "tiếp nhận", "giám sát",
    "kiểm tra", "hướng dẫn", "tuyên truyền", "quảng bá", "kết nối", "duy trì", "đẩy mạnh",
    "đổi mới", "thực hiện", "tri ân", "thăm hỏi", "động viên", "chúc mừng", "làm việc với",
]
VI_OBJECTS = [
    "hoạt động đối ngoại nhân dân", "tình hữu nghị truyền thống", "quan hệ hợp tác", "chương trình viện trợ",
    "dự án nước sạch", "học bổng cho học sinh nghèo", "nhà tình nghĩa", "kế hoạch công tác năm",
    "công tác thông tin đối ngoại", "các điểm trường vùng cao", "trang thiết bị y tế", "mô hình sinh kế",
    "chương trình giao lưu văn hóa", "kinh nghiệm quản lý", "nghị quyết của Đảng", "quy chế phối hợp",
    "biên bản ghi nhớ", "kết quả hoạt động", "nhiệm vụ trọng tâm", "phong trào thi đua",
    "công tác vận động viện trợ", "các khoản viện trợ phi chính phủ", "đời sống người dân",
    "sinh kế cho phụ nữ", "bếp ăn bán trú", "cầu dân sinh", "trạm y tế xã", "lớp học tình thương",
    "chương trình phẫu thuật miễn phí", "đợt khám chữa bệnh", "quỹ khuyến học", "xe lăn cho người khuyết tật",
    "giếng nước sạch", "nhà vệ sinh trường học", "công trình thủy lợi nhỏ", "chương trình nghệ thuật",
    "hội thảo chuyên đề", "lớp tập huấn nghiệp vụ", "ngày hội hữu nghị", "tuần văn hóa",
    "tọa đàm kỷ niệm", "cuộc thi tìm hiểu", "triển lãm ảnh", "giải chạy vì hòa bình", "diễn đàn nhân dân",
    "mối quan hệ đoàn kết đặc biệt", "hợp tác giáo dục", "hợp tác y tế", "hợp tác nông nghiệp",
    "bảo vệ môi trường", "ứng phó biến đổi khí hậu", "phòng chống thiên tai", "giảm nghèo bền vững",
    "chuyển đổi số", "hình ảnh đất nước, con người Việt Nam", "chủ quyền biển, đảo",
    "các chính sách đối ngoại", "công tác tổ chức cán bộ", "Đại hội nhiệm kỳ mới", "quà Tết cho hộ nghèo",
    "suất học bổng", "tủ sách pháp luật", "áo phao cho học sinh", "bò giống cho hộ nghèo",
]
VI_ADVERBIALS = [
    "trong năm qua", "trên địa bàn tỉnh", "một cách thiết thực", "với tinh thần đoàn kết",
    "theo đúng kế hoạch", "nhân dịp kỷ niệm ngày thành lập", "tại hội trường Ủy ban nhân dân tỉnh",
    "trong thời gian tới", "ngày càng sâu rộng", "đạt nhiều kết quả quan trọng", "với sự tham gia của đông đảo hội viên",
    "trong bối cảnh còn nhiều khó khăn", "theo hướng thực chất và hiệu quả", "tại các huyện miền núi",
    "ở vùng sâu, vùng xa", "tại khu vực biên giới", "trong dịp Tết Nguyên đán", "sáng nay",
    "chiều cùng ngày", "trong khuôn khổ chương trình", "dưới sự chủ trì của lãnh đạo tỉnh",
    "với tổng kinh phí hơn hai tỷ đồng", "bằng hình thức trực tuyến", "theo hình thức trực tiếp kết hợp trực tuyến",
    "tại thành phố", "trong nhiệm kỳ vừa qua", "theo chỉ đạo của Tỉnh ủy", "vì mục tiêu hòa bình và phát triển",
    "góp phần nâng cao vị thế của tỉnh", "một cách chủ động và sáng tạo",
]
VI_CONNECTORS = [
    "Đồng thời,", "Bên cạnh đó,", "Qua đó,", "Nhờ vậy,", "Ngoài ra,", "Theo đó,", "Trước đó,",
    "Tiếp theo,", "Cũng trong dịp này,", "Phát biểu tại buổi lễ,", "Theo báo cáo,", "Nhìn chung,",
    "Trong năm,", "Tại buổi làm việc,", "Thay mặt lãnh đạo tỉnh,",
]
VI_TITLE_HEADS = [
    "Hội nghị tổng kết công tác đối ngoại nhân dân", "Hội nghị Cụm Liên hiệp hữu nghị",
    "Tiếp đón đoàn tổ chức phi chính phủ nước ngoài", "Trao học bổng cho học sinh nghèo",
    "Khánh thành công trình nước sạch", "Triển khai Chỉ thị về công tác đối ngoại nhân dân",
    "Giao lưu hữu nghị nhân dân", "Ký kết biên bản ghi nhớ hợp tác", "Bàn giao nhà tình nghĩa",
    "Hội thảo chuyên đề về vận động viện trợ", "Tọa đàm kỷ niệm ngày thành lập Liên hiệp",
    "Đại hội Hội hữu nghị nhiệm kỳ mới", "Khám chữa bệnh miễn phí cho người dân",
    "Tập huấn nghiệp vụ công tác thông tin đối ngoại", "Tuần văn hóa hữu nghị",
]
VI_HEADINGS = [
    "Kết quả nổi bật", "Nhiệm vụ trong thời gian tới", "Những con số ấn tượng", "Ý kiến tại hội nghị",
    "Hoạt động giao lưu", "Công tác vận động viện trợ", "Bài học kinh nghiệm", "Kiến nghị, đề xuất",
    "Phương hướng năm tới", "Dấu ấn hợp tác",
]
VI_TAGS = [
    "đối ngoại nhân dân", "Cụm 3", "Cụm 5", "viện trợ phi chính phủ", "học bổng", "nước sạch",
    "y tế", "giáo dục", "giao lưu văn hóa", "hữu nghị Việt – Lào", "hữu nghị Việt – Nhật",
    "hữu nghị Việt – Hàn", "hữu nghị Việt – Pháp", "hữu nghị Việt – Campuchia", "hữu nghị Việt – Cu Ba",
    "hữu nghị Việt – Đức", "hữu nghị Việt – Thái", "thông tin đối ngoại", "Chỉ thị 12",
    "Kết luận 12", "tổ chức phi chính phủ", "kiều bào", "biên giới", "biển đảo", "thanh niên",
    "phụ nữ", "cựu chiến binh", "nông nghiệp", "sinh kế", "thiên tai", "biến đổi khí hậu",
    "nhà tình nghĩa", "khuyết tật", "trẻ em", "tổng kết năm", "đại hội", "khen thưởng",
    "hội thảo", "tập huấn", "tình nguyện viên", "chuyển đổi số", "di sản", "du lịch",
    "giảm nghèo", "Tết Nguyên đán", "kỷ niệm", "ký kết", "đoàn vào", "đoàn ra", "miền Trung",
]

# ------------------------------------------------------------------- English
EN_SUBJECTS = [
    "The provincial Union of Friendship Organisations", "The Union's standing board", "The Union's chairwoman",
    "The Union's vice-chairman", "The provincial delegation", "Member friendship associations",
    "The provincial People's Committee", "The Department of Foreign Affairs", "The Fatherland Front Committee",
    "The Women's Union", "The provincial Youth Union", "The Veterans' Association", "The Farmers' Association",
    "Foreign non-governmental organisations", "The embassy", "The consulate general", "Officials in charge of external relations",
    "Association members", "Provincial leaders", "Overseas Vietnamese", "Donors", "Young volunteers",
    "Local residents", "Authorities at all levels", "The Ministry of Foreign Affairs",
    "The Vietnam – Laos Friendship Association", "The Vietnam – Japan Friendship Association",
    "The Vietnam – Korea Friendship Association", "The Vietnam – France Friendship Association",
    "The Vietnam Union of Friendship Organisations", "The working group", "The executive committee",
    "The Red Cross Society", "The Peace and Development Fund", "Local businesses",
]
EN_VERBS = [
    "organised", "launched", "co-ordinated", "welcomed", "signed", "presented", "attended", "reviewed",
    "summed up", "promoted", "strengthened", "mobilised", "supported", "introduced", "discussed",
    "agreed on", "proposed", "studied", "shared", "recognised", "commended", "surveyed", "handed over",
    "inaugurated", "expanded", "consolidated", "built", "adopted", "received", "monitored", "guided",
    "publicised", "connected", "maintained", "renewed", "carried out", "visited", "encouraged", "congratulated",
]
EN_OBJECTS = [
    "people-to-people diplomacy", "the traditional friendship", "co-operation ties", "the aid programme",
    "a clean-water project", "scholarships for poor pupils", "charity houses", "the annual work plan",
    "external information work", "schools in the highlands", "medical equipment", "livelihood models",
    "cultural exchange programmes", "management experience", "the Party's resolutions", "the co-ordination rules",
    "a memorandum of understanding", "the year's results", "the key tasks", "the emulation movement",
    "non-governmental aid", "local living conditions", "livelihoods for women", "school kitchens",
    "village bridges", "commune health stations", "free surgery", "a medical check-up campaign",
    "the study-promotion fund", "wheelchairs for people with disabilities", "wells", "school toilets",
    "small irrigation works", "an art programme", "a thematic workshop", "a training course",
    "a friendship festival", "a culture week", "a commemorative seminar", "a photo exhibition",
    "a run for peace", "the special solidarity", "education co-operation", "health co-operation",
    "farming co-operation", "environmental protection", "climate change adaptation", "disaster preparedness",
    "sustainable poverty reduction", "digital transformation", "the image of Viet Nam and its people",
    "Tet gifts for poor households", "life jackets for pupils", "breeding cows for poor families",
]
EN_ADVERBIALS = [
    "over the past year", "across the province", "in practical ways", "in a spirit of solidarity",
    "on schedule", "on the anniversary of its founding", "at the provincial People's Committee hall",
    "in the coming period", "ever more broadly", "with notable results", "with many members taking part",
    "despite many difficulties", "in a substantive and effective way", "in mountainous districts",
    "in remote areas", "in the border area", "during the Lunar New Year", "this morning",
    "the same afternoon", "under the programme", "chaired by provincial leaders",
    "with a budget of more than two billion dong", "online", "both in person and online",
    "in the city", "during the last term", "as directed by the provincial Party Committee",
    "for peace and development",
]
EN_CONNECTORS = [
    "At the same time,", "Besides,", "Through this,", "As a result,", "In addition,", "Accordingly,",
    "Earlier,", "Next,", "On this occasion,", "Speaking at the ceremony,", "According to the report,",
    "Overall,", "During the year,", "At the working session,", "On behalf of provincial leaders,",
]
EN_TITLE_HEADS = [
    "reviews people-to-people diplomacy", "hosts friendship union cluster conference",
    "welcomes foreign NGO delegation", "presents scholarships to poor pupils", "inaugurates clean-water works",
    "implements directive on people-to-people diplomacy", "holds friendship exchange",
    "signs co-operation memorandum", "hands over charity houses", "holds workshop on aid mobilisation",
    "marks founding anniversary of friendship union", "friendship association holds congress",
    "offers free medical check-ups", "trains staff in external information work", "holds friendship culture week",
]
EN_HEADINGS = [
    "Highlights", "Tasks ahead", "By the numbers", "Voices from the conference", "Exchanges",
    "Aid mobilisation", "Lessons learned", "Recommendations", "Plans for next year", "Marks of co-operation",
]
EN_TAGS = [
    "people-to-people diplomacy", "Cluster 3", "Cluster 5", "NGO aid", "scholarships", "clean water",
    "health", "education", "cultural exchange", "Vietnam-Laos friendship", "Vietnam-Japan friendship",
    "Vietnam-Korea friendship", "Vietnam-France friendship", "Vietnam-Cambodia friendship",
    "Vietnam-Cuba friendship", "Vietnam-Germany friendship", "Vietnam-Thailand friendship",
    "external information", "Directive 12", "Conclusion 12", "NGOs", "overseas Vietnamese", "border",
    "seas and islands", "youth", "women", "veterans", "agriculture", "livelihoods", "natural disasters",
    "climate change", "charity houses", "disability", "children", "annual review", "congress",
    "awards", "workshops", "training", "volunteers", "digital transformation", "heritage", "tourism",
    "poverty reduction", "Lunar New Year", "anniversaries", "agreements", "incoming delegations",
    "outgoing delegations", "Central region",
]

# --------------------------------------------------------------- shared data
PROVINCES = [
    "Khánh Hòa", "Quảng Nam", "Đồng Tháp", "Cần Thơ", "Đà Nẵng", "Quảng Ngãi", "Bình Định",
    "Phú Yên", "Ninh Thuận", "Bình Thuận", "Gia Lai", "Kon Tum", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
    "Thừa Thiên Huế", "Quảng Trị", "Quảng Bình", "An Giang", "Kiên Giang", "Hà Tĩnh", "Nghệ An",
]
AUTHORS = ["Ý Nhi", "Minh Châu", "Trần Quốc Bảo", "Lê Thị Hồng Nhung", "Nguyễn Văn Đức", "Phạm Thu Hà",
           "Hoàng Anh Tuấn", "Võ Thị Ngọc Diệp"]
CATEGORIES = ["conferences", "directives", "local-activities", "international-cooperation", "ngo-aid"]
CATEGORY_LABELS = {
    "vi": {"conferences": "Hội nghị", "directives": "Chỉ thị, văn bản", "local-activities": "Hoạt động địa phương",
           "international-cooperation": "Hợp tác quốc tế", "ngo-aid": "Viện trợ phi chính phủ"},
    "en": {"conferences": "Conferences", "directives": "Directives", "local-activities": "Local activities",
           "international-cooperation": "International cooperation", "ngo-aid": "NGO aid"},
}
LINKS = [
    ("Liên hiệp các tổ chức hữu nghị Việt Nam", "Vietnam Union of Friendship Organisations", "https://vufo.org.vn/"),
    ("Cổng thông tin điện tử Chính phủ", "Government portal", "https://chinhphu.vn/"),
    ("Bộ Ngoại giao", "Ministry of Foreign Affairs", "https://mofa.gov.vn/"),
    ("Ủy ban công tác về các tổ chức phi chính phủ nước ngoài", "NGO Affairs Committee", "https://comingo.gov.vn/"),
    ("Báo Nhân Dân", "Nhan Dan newspaper", "https://nhandan.vn/"),
]


def count():
    vi = VI_SUBJECTS + VI_VERBS + VI_OBJECTS + VI_ADVERBIALS + VI_CONNECTORS + VI_HEADINGS + VI_TAGS
    en = EN_SUBJECTS + EN_VERBS + EN_OBJECTS + EN_ADVERBIALS + EN_CONNECTORS + EN_HEADINGS + EN_TAGS
    return len(vi), len(en)
