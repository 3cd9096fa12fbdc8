"""The font-size control, the ticker, print and small screens, in Chromium."""

ARTICLE = "/2024/ban-tin-huu-nghi-so-13/"


def root_font_px(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_font_size_control_by_keyboard_is_announced_and_remembered(page, site_url):
    page.goto(site_url + ARTICLE)
    group = page.locator("[data-font-control]")
    assert group.is_visible()
    base = root_font_px(page)
    larger = page.get_by_role("button", name="Chữ to hơn")
    larger.focus()
    page.keyboard.press("Enter")
    assert root_font_px(page) > base
    status = page.locator("[data-font-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content().startswith("Cỡ chữ: 115")
    page.goto(site_url + "/en/")
    assert root_font_px(page) > base, "the choice is remembered across pages"
    page.get_by_role("button", name="Normal text size").click()
    assert root_font_px(page) == base
    assert page.evaluate("localStorage.getItem('hnp-font-size')") == "0"


def test_without_javascript_the_controls_stay_hidden_and_the_ticker_is_static(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/")
    assert not page.locator("[data-font-control]").is_visible()
    assert not page.locator(".ticker__toggle").is_visible()
    assert page.locator(".ticker__list li").first.is_visible()
    assert (
        page.eval_on_selector(".ticker__list", "e => getComputedStyle(e).animationName") == "none"
    )
    assert not page.locator(".print-item").count() or not page.locator(".print-item").is_visible()
    context.close()


def test_ticker_moves_and_the_pause_button_stops_it(page, site_url):
    page.emulate_media(reduced_motion="no-preference")
    page.goto(site_url + "/")
    animation = (
        "e => getComputedStyle(e).animationPlayState + ' ' + getComputedStyle(e).animationName"
    )
    assert page.eval_on_selector(".ticker__list", animation) == "running ticker-scroll"
    toggle = page.get_by_role("button", name="Tạm dừng thông báo")
    toggle.click()
    assert page.eval_on_selector(".ticker__list", animation) == "paused ticker-scroll"
    assert page.get_by_role("button", name="Tiếp tục chạy thông báo").is_visible()
    page.get_by_role("button", name="Tiếp tục chạy thông báo").click()
    page.mouse.move(0, 0)
    assert page.eval_on_selector(".ticker__list", animation) == "running ticker-scroll"


def test_ticker_stands_still_for_reduced_motion(browser, site_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + "/")
    assert (
        page.eval_on_selector(".ticker__list", "e => getComputedStyle(e).animationName") == "none"
    )
    assert page.locator(".ticker__list li").nth(1).is_visible()
    context.close()


def test_print_button_appears_with_javascript(page, site_url):
    page.goto(site_url + ARTICLE)
    assert page.get_by_role("button", name="In bài").is_visible()


def test_no_horizontal_scroll_at_320px(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for url in ("/", ARTICLE, "/en/", "/thu-vien-anh/", "/luu-tru/2024/trang/2/"):
        page.goto(site_url + url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (url, overflow)
    context.close()


def test_print_media_hides_navigation_and_shows_link_urls(page, site_url):
    page.goto(site_url + ARTICLE)
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator("nav.share").is_visible()
    after = page.eval_on_selector(
        ".prose a[href^='http']", "e => getComputedStyle(e, '::after').content"
    )
    assert "https://example.org/nguon" in after
    assert page.locator("figure.figure figcaption").is_visible()
