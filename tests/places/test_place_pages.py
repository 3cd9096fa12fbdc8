"""Province and cluster pages, article links to them, and `Provinces` validation."""


def test_unknown_province_fails_the_build_with_suggestions(broken_domain_build):
    assert not broken_domain_build.ok
    # Content validation reports it before Pelican runs (the places plugin would say the same).
    errors = [e for e in broken_domain_build.errors if "Provinces:" in e]
    assert len(errors) == 1
    assert errors[0].startswith("articles/2024/khong-phai-van-ban.vi.md:4: Provinces:")
    assert "'Khánh Hoa'" in errors[0] and "Khánh Hòa" in errors[0]
    assert not broken_domain_build.output.exists()  # nothing published


def test_article_links_its_provinces_and_cluster(domain_site):
    soup = domain_site.html("2024/cac-dang-tham-chieu/")
    links = {a.get_text(): a["href"] for a in soup.select("p.places a")}
    assert links == {
        "Khánh Hòa": "/tinh-thanh/khanh-hoa/",
        "Quảng Nam": "/tinh-thanh/quang-nam/",
        "Cụm 3": "/cum/3/",
    }
    en = domain_site.html("en/2024/cac-dang-tham-chieu/")
    assert {a["href"] for a in en.select("p.places a")} == {
        "/en/provinces/khanh-hoa/",
        "/en/provinces/quang-nam/",
        "/en/clusters/3/",
    }


def test_province_page_lists_its_articles_per_language(domain_site):
    soup = domain_site.html("tinh-thanh/khanh-hoa/")
    assert soup.h1.get_text() == "Khánh Hòa"
    urls = [a["href"] for a in soup.select(".article-item__title a")]
    assert urls == [
        "/2024/hoi-nghi-cum-3-sap-toi/",
        "/2024/cac-dang-tham-chieu/",
        "/2023/lien-hiep-quan-triet-van-ban/",
    ]
    assert soup.select_one('a[href="/cum/3/"]') is not None
    en = domain_site.html("en/provinces/khanh-hoa/")
    assert "/en/2024/cac-dang-tham-chieu/" in [
        a["href"] for a in en.select(".article-item__title a")
    ]
    assert domain_site.path("km/provinces/can-tho/").exists()


def test_cluster_page_lists_members_and_articles(domain_site):
    soup = domain_site.html("cum/5/")
    members = [li.get_text(strip=True) for li in soup.select(".cluster-members li")]
    assert len(members) == 10 and {"An Giang", "Cần Thơ", "Đồng Tháp"} <= set(members)
    assert soup.select_one('.cluster-members a[href="/tinh-thanh/can-tho/"]') is not None
    assert "/2023/hoi-nghi-cum-5-da-hop/" in [
        a["href"] for a in soup.select(".article-item__title a")
    ]
    three = domain_site.html("en/clusters/3/")
    assert len(three.select(".cluster-members li")) == 11


def test_sample_content_has_province_and_cluster_pages(sample_site):
    for url in (
        "tinh-thanh/khanh-hoa/",
        "tinh-thanh/dong-thap/",
        "cum/3/",
        "cum/5/",
        "en/provinces/khanh-hoa/",
        "en/clusters/3/",
        "en/clusters/5/",
    ):
        assert sample_site.path(url).exists(), url
    soup = sample_site.html("cum/3/")
    assert "/2024/cum-3-thanh-lap-va-quy-che/" in [
        a["href"] for a in soup.select(".article-item__title a")
    ]
