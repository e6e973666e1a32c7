//! The page's two languages. Chinese is the default (the users read Chinese); English is a toggle
//! kept in localStorage. Document data (names, titles, details) is shown as written either way.

use huixi::report::{AnomalyKind, DocumentKind, RegionLevel};

const STORAGE_KEY: &str = "huixi-lang";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The string for this language: call sites keep both versions side by side.
    pub fn t(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        self.t("zh-CN", "en")
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The saved choice, or Chinese.
    pub fn load() -> Lang {
        let saved = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        if saved.as_deref() == Some("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// Remember the choice (the user chose it) and show it.
    pub fn apply(self) {
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, self.code());
        }
        self.show();
    }

    /// Tell the browser the page's language (screen readers, fonts, hyphenation) if the page does
    /// not say it already: setting the root's `lang` restyles the whole page, and the mount did
    /// that (and wrote localStorage) on every start.
    pub fn show(self) {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            if root.get_attribute("lang").as_deref() != Some(self.code()) {
                let _ = root.set_attribute("lang", self.code());
            }
        }
    }

    pub fn doc_kind(self, k: DocumentKind) -> &'static str {
        match k {
            DocumentKind::News => self.t("新闻报道", "news report"),
            DocumentKind::Speech => self.t("讲话稿", "speech"),
            DocumentKind::Other => self.t("其他", "other"),
        }
    }

    pub fn region_level(self, l: RegionLevel) -> &'static str {
        match l {
            RegionLevel::Province => self.t("省级", "province"),
            RegionLevel::Prefecture => self.t("地级", "prefecture"),
            RegionLevel::City => self.t("市级", "city"),
            RegionLevel::County => self.t("县级", "county"),
            RegionLevel::District => self.t("区级", "district"),
            RegionLevel::Township => self.t("乡镇", "township"),
            RegionLevel::Unknown => self.t("级别不明", "level unknown"),
        }
    }

    pub fn anomaly(self, k: AnomalyKind) -> &'static str {
        match k {
            AnomalyKind::Boilerplate => self.t("网页杂项", "boilerplate"),
            AnomalyKind::Placeholder => self.t("模板占位", "placeholder"),
            AnomalyKind::OffTopic => self.t("无关段落", "off-topic"),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Natively (the first view rendered for index.html) there is no browser to ask.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}
