"""The self-check page in a real headless Chromium (Debian's chromium and
chromium-driver, driven by python3-selenium): load it, fill the form, click
the map, submit, and read the verdict and a finding; a screenshot is kept
as an artifact (build/tests/artifacts/)."""
import os
import re

from selenium import webdriver
from selenium.webdriver.chrome.service import Service as DriverService
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT, Server

ARTIFACTS = os.environ.get("ZHUNRU_ARTIFACTS", os.path.join(ROOT, "build", "tests", "artifacts"))


def browser(tmp_path):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1300,1100", f"--user-data-dir={tmp_path / 'chromium'}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=DriverService("/usr/bin/chromedriver"), options=options)


def click_map_at(driver, lon, lat):
    """A real click on the map where (lon, lat) is drawn."""
    x, y = driver.execute_script("const p = state.map.latLngToContainerPoint([arguments[1], arguments[0]]);"
                                 "return [p.x, p.y];", lon, lat)
    element = driver.find_element(By.ID, "map")
    size = element.size
    ActionChains(driver).move_to_element_with_offset(element, x - size["width"] / 2, y - size["height"] / 2).click().perform()


def test_the_page_judges_a_project_clicked_on_the_map(tmp_path):
    assert os.path.exists(os.path.join(ROOT, "web/node_modules/leaflet/dist/leaflet.js")), \
        "Leaflet is missing: scripts/install-deps.sh installs it (npm ci in web/)"
    server = Server("rules/chongqing", tmp_path, "--reload-ms", "0")
    driver = browser(tmp_path)
    try:
        driver.get(f"http://127.0.0.1:{server.port}/")
        WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
        assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
        assert driver.find_element(By.ID, "title").text == "生态环境准入自助研判"
        # The form came from the schema: Chinese labels, the values' labels.
        assert "建设性质" in driver.find_element(By.CSS_SELECTOR, "label[for=fact-nature]").text
        driver.find_element(By.ID, "fact-industry").send_keys("C2661")
        nature = Select(driver.find_element(By.ID, "fact-nature"))
        # Values under values are indented beneath their parent (迁建 under 新建).
        assert [o.get_attribute("textContent") for o in nature.options][1:3] == ["新建", "\u3000迁建"]
        nature.select_by_visible_text("新建")
        Select(driver.find_element(By.ID, "fact-catalogue")).select_by_visible_text("允许类")
        # A chemical plant by the Yangtze in 长寿: zoomed in as a user would
        # (at the whole city's scale a pixel is most of a kilometre).
        driver.execute_script("state.map.setView([29.82, 107.08], 13, {animate: false});")
        click_map_at(driver, 107.08, 29.82)
        assert driver.find_element(By.ID, "site-status").text == "已选址"
        driver.find_element(By.ID, "submit").click()
        verdict = WebDriverWait(driver, 30).until(ready.presence_of_element_located((By.CSS_SELECTOR, "[data-verdict]")))
        assert verdict.get_attribute("data-verdict") == "reject"
        assert verdict.text == "判定不通过"
        finding = driver.find_element(By.CSS_SELECTOR, '.demand[data-rule="CQ-SL-03"]')
        assert "理由" in finding.text and "长江保护法" in finding.text
        assert "长江" in driver.find_element(By.ID, "deciding-layers").text
        units = driver.find_element(By.ID, "units").text
        assert re.search(r"ZH5001151\d{4}", units) and "100.0%" in units
        os.makedirs(ARTIFACTS, exist_ok=True)
        driver.execute_script("window.scrollTo(0, 0);")
        driver.save_screenshot(os.path.join(ARTIFACTS, "page-map-zh.png"))
        driver.execute_script("document.getElementById('answer').scrollIntoView();")
        driver.save_screenshot(os.path.join(ARTIFACTS, "page-reject-zh.png"))

        driver.find_element(By.ID, "lang-switch").click()
        assert driver.find_element(By.CSS_SELECTOR, "[data-verdict]").text == "reject"
        assert driver.find_element(By.ID, "title").text == "Environmental access self-check"

        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
        assert not errors, errors
        requested = {e["path"] for e in server.log() if "path" in e}
        assert {"/", "/app.js", "/v1/schema", "/v1/ruleset", "/v1/maps/units", "/v1/evaluate"} <= requested
    finally:
        driver.quit()
        server.stop()


def test_the_page_fetches_nothing_from_outside():
    for name in ["index.html", "app.js", "style.css"]:
        with open(os.path.join(ROOT, "web", name), encoding="utf-8") as f:
            text = f.read()
        assert not re.search(r"https?://", text), name


def test_the_form_gives_a_set_fact_as_a_list(tmp_path):
    """A set fact (`set of {…}`) is a multi-select: the values picked, [] for
    "none of them", left out when nothing is picked (unknown)."""
    server = Server("examples/clauses", tmp_path, "--reload-ms", "0")
    driver = browser(tmp_path)
    try:
        driver.get(f"http://127.0.0.1:{server.port}/")
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "fact-fuels"))
        fuels = Select(driver.find_element(By.ID, "fact-fuels"))
        assert fuels.is_multiple
        assert [o.get_attribute("textContent") for o in fuels.options][:3] == ["（均无）", "燃煤", "燃油"]
        assert "fuels" not in driver.execute_script("return project();")  # nothing picked: unknown
        fuels.select_by_visible_text("燃煤")
        fuels.select_by_visible_text("燃气")
        assert driver.execute_script("return project();")["fuels"] == ["coal", "gas"]
        fuels.deselect_all()
        fuels.select_by_visible_text("（均无）")
        assert driver.execute_script("return project();")["fuels"] == []
        # Kept across the language switch.
        fuels.deselect_all()
        fuels.select_by_visible_text("燃油")
        driver.find_element(By.ID, "lang-switch").click()
        assert driver.execute_script("return project();")["fuels"] == ["oil"]
    finally:
        driver.quit()
        server.stop()
