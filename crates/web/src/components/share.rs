//! The "Share" control (a link that reproduces the calculation, and the "Embed this" snippet)
//! and the notice shown when the app is opened from a shared link.
//!
//! Opening a link: when the workspace holds nothing of the user's own (only the built-in
//! example), the link's data are loaded at once, so a first-time visitor sees the shared numbers
//! immediately. Otherwise the app asks (replace, add alongside, or ignore): a link may come from
//! anyone, and clicking it must never silently discard someone's work. A rejected link changes
//! nothing and says why. The codec is [`crate::share`]; the snippet is [`crate::embed`].

use crate::embed::{snippet, EmbedSpec, EmbedTarget, Theme};
use crate::i18n::Lang;
use crate::route::Page;
use crate::share::{self, Loaded, ShareError};
use crate::state::Workspace;
use leptos::prelude::*;

#[derive(Clone, Copy)]
enum M {
    Share,
    Close,
    Heading,
    LinkLabel,
    Copy,
    Copied,
    Privacy,
    EmbedHeading,
    EmbedView,
    EmbedTheme,
    EmbedLanguage,
    SnippetLabel,
    SnippetNote,
    Loaded,
    AskIntro,
    Replace,
    Alongside,
    Ignore,
    Dismiss,
    FrameTitle,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        use Lang::{En, Zh};
        match (self, lang) {
            (Self::Share, En) => "Share",
            (Self::Share, Zh) => "分享",
            (Self::Close, En) => "Close",
            (Self::Close, Zh) => "关闭",
            (Self::Heading, En) => "Share this calculation",
            (Self::Heading, Zh) => "分享此计算",
            (Self::LinkLabel, En) => "Link that reproduces this page with your cities",
            (Self::LinkLabel, Zh) => "可复现本页面及您的城市数据的链接",
            (Self::Copy, En) => "Copy link",
            (Self::Copy, Zh) => "复制链接",
            (Self::Copied, En) => "Copied.",
            (Self::Copied, Zh) => "已复制。",
            (Self::Privacy, En) => "Your data travel inside the link, after the “#”: browsers never send that part to a server, but anyone who has the link can read them.",
            (Self::Privacy, Zh) => "您的数据保存在链接“#”之后的部分：浏览器从不将这部分发送到服务器，但任何拿到链接的人都能看到这些数据。",
            (Self::EmbedHeading, En) => "Embed this",
            (Self::EmbedHeading, Zh) => "嵌入",
            (Self::EmbedView, En) => "View to embed",
            (Self::EmbedView, Zh) => "要嵌入的视图",
            (Self::EmbedTheme, En) => "Theme",
            (Self::EmbedTheme, Zh) => "配色",
            (Self::EmbedLanguage, En) => "Language of the embed",
            (Self::EmbedLanguage, Zh) => "嵌入视图的语言",
            (Self::SnippetLabel, En) => "HTML to paste into your page",
            (Self::SnippetLabel, Zh) => "粘贴到您网页中的 HTML",
            (Self::SnippetNote, En) => "The script embed.js makes the frame as tall as its content; the frame sends nothing but its height to your page.",
            (Self::SnippetNote, Zh) => "脚本 embed.js 使框架高度随内容变化；框架只向您的页面发送其高度，不发送其他任何信息。",
            (Self::Loaded, En) => "Loaded the data of a shared link:",
            (Self::Loaded, Zh) => "已载入分享链接中的数据：",
            (Self::AskIntro, En) => "This shared link holds other data. Your own data are kept unless you choose otherwise. The link’s cities:",
            (Self::AskIntro, Zh) => "该分享链接包含其他数据。除非您另行选择，您自己的数据将保持不变。链接中的城市：",
            (Self::Replace, En) => "Replace my data with the link’s",
            (Self::Replace, Zh) => "用链接中的数据替换我的数据",
            (Self::Alongside, En) => "Add the link’s cities to mine",
            (Self::Alongside, Zh) => "将链接中的城市添加到我的数据",
            (Self::Ignore, En) => "Ignore the link",
            (Self::Ignore, Zh) => "忽略该链接",
            (Self::Dismiss, En) => "Dismiss",
            (Self::Dismiss, Zh) => "关闭提示",
            (Self::FrameTitle, En) => "Industrial City Renewal Calculator",
            (Self::FrameTitle, Zh) => "工业城市更新计算器",
        }
    }
}

/// What the app did with a shared link.
#[derive(Clone, PartialEq)]
pub enum Incoming {
    /// Loaded at once (nothing of the user's own was there).
    Loaded(Vec<String>),
    /// Waiting for the user's choice.
    Ask(Loaded),
    /// Rejected: nothing changed.
    Rejected(ShareError),
}

/// The current URL without its fragment.
pub fn app_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Look for a share token in `hash` and act on it (see the module docs). Afterwards the token is
/// removed from the address (without a new history entry) so a reload does not repeat this.
pub fn receive(
    hash: &str,
    lang: RwSignal<Lang>,
    page: RwSignal<Page>,
    workspace: RwSignal<Workspace>,
    incoming: RwSignal<Option<Incoming>>,
) {
    let Some(token) = share::fragment_param(hash, share::KEY) else {
        return;
    };
    let outcome = match share::decode(token) {
        Err(e) => Incoming::Rejected(e),
        Ok(l) if workspace.with_untracked(share::is_pristine) => {
            let names = l.workspace.cities.iter().map(|c| c.name.clone()).collect();
            lang.set(l.lang);
            page.set(l.page);
            workspace.set(l.workspace);
            Incoming::Loaded(names)
        }
        Ok(l) => Incoming::Ask(l),
    };
    incoming.set(Some(outcome));
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&page.get_untracked().hash());
    }
}

/// The notice about a shared link: loaded, a question, or the reason it was refused.
#[component]
pub fn ShareNotice(incoming: RwSignal<Option<Incoming>>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let page = expect_context::<RwSignal<Page>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let dismiss = move |_| incoming.set(None);
    move || {
        let l = lang.get();
        match incoming.get()? {
            Incoming::Loaded(names) => Some(
                view! {
                    <div class="share-notice" role="status">
                        <p>{M::Loaded.text(l)}" "{names.join(", ")}</p>
                        <button type="button" class="button" on:click=dismiss>{M::Dismiss.text(l)}</button>
                    </div>
                }
                .into_any(),
            ),
            Incoming::Rejected(e) => Some(
                view! {
                    <div class="share-notice share-notice--error" role="alert">
                        <p>{e.message(l)}</p>
                        <button type="button" class="button" on:click=dismiss>{M::Dismiss.text(l)}</button>
                    </div>
                }
                .into_any(),
            ),
            Incoming::Ask(loaded) => {
                let names: Vec<String> =
                    loaded.workspace.cities.iter().map(|c| c.name.clone()).collect();
                let (a, b) = (loaded.clone(), loaded.clone());
                let replace = move |_| {
                    workspace.set(a.workspace.clone());
                    lang.set(a.lang);
                    page.set(a.page);
                    let _ = web_sys::window().map(|w| w.location().replace(&a.page.hash()));
                    incoming.set(None);
                };
                let add = move |_| {
                    workspace.update(|ws| *ws = share::alongside(ws, &b.workspace));
                    incoming.set(None);
                };
                Some(
                    view! {
                        <div class="share-notice" role="alert">
                            <p>{M::AskIntro.text(l)}</p>
                            <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                            <p class="share-notice__actions">
                                <button type="button" class="button" on:click=replace>{M::Replace.text(l)}</button>
                                <button type="button" class="button" on:click=add>{M::Alongside.text(l)}</button>
                                <button type="button" class="button" on:click=dismiss>{M::Ignore.text(l)}</button>
                            </p>
                        </div>
                    }
                    .into_any(),
                )
            }
        }
    }
}

/// The "Share" button (in the header); it opens [`SharePanel`].
#[component]
pub fn ShareControl(open: RwSignal<bool>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    view! {
        <button
            type="button"
            class="button share-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls="share-panel"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {move || M::Share.text(lang.get())}
        </button>
    }
}

/// The share panel: the link, and the "Embed this" snippet.
#[component]
pub fn SharePanel(open: RwSignal<bool>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let page = expect_context::<RwSignal<Page>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let copied = RwSignal::new(false);
    let target = RwSignal::new(None::<EmbedTarget>);
    let theme = RwSignal::new(Theme::Light);
    let embed_lang = RwSignal::new(None::<Lang>);
    let token = Memo::new(move |_| {
        if !open.get() {
            return Err(ShareError::Base64);
        }
        workspace.with(|ws| share::encode(ws, lang.get(), page.get()))
    });
    let link = move || {
        token
            .get()
            .map(|t| format!("{}{}", app_url(), share::share_fragment(page.get(), &t)))
    };
    let target_now = move || {
        target
            .get()
            .unwrap_or_else(|| EmbedTarget::for_page(page.get()))
    };
    let code = move || {
        let t = target_now();
        let l = embed_lang.get().unwrap_or_else(|| lang.get());
        let tok = if t.uses_workspace() {
            Some(token.get()?)
        } else {
            None
        };
        let spec = EmbedSpec {
            target: t,
            lang: Some(l),
            theme: theme.get(),
            token: tok,
        };
        let cities: Vec<String> = if t.uses_workspace() {
            workspace.with(|ws| ws.visible().take(3).map(|c| c.name.clone()).collect())
        } else {
            Vec::new()
        };
        let mut title = format!("{} — {}", M::FrameTitle.text(l), t.name(l));
        if !cities.is_empty() {
            title.push_str(": ");
            title.push_str(&cities.join(", "));
        }
        Ok::<_, ShareError>(snippet(&app_url(), &spec, &title))
    };
    let copy = move |_| {
        if let (Some(w), Ok(url)) = (web_sys::window(), link()) {
            let _ = w.navigator().clipboard().write_text(&url);
            copied.set(true);
        }
    };
    let t = move |m: M| move || m.text(lang.get());
    Effect::new(move |_| {
        if !open.get() {
            copied.set(false);
        }
    });
    view! {
        <Show when=move || open.get()>
            <section id="share-panel" class="share-panel card" aria-labelledby="share-heading">
                <h2 id="share-heading">{t(M::Heading)}</h2>
                {move || match link() {
                    Ok(url) => view! {
                        <p>
                            <label for="share-link">{t(M::LinkLabel)}</label>
                            <input id="share-link" class="share-panel__field" type="text" readonly prop:value=url/>
                        </p>
                        <p>
                            <button type="button" class="button" on:click=copy>{t(M::Copy)}</button>
                            " "<span role="status">{move || copied.get().then(|| M::Copied.text(lang.get()))}</span>
                        </p>
                        <p class="note">{t(M::Privacy)}</p>
                    }.into_any(),
                    Err(e) => view! { <p class="share-notice share-notice--error" role="alert">{e.message(lang.get())}</p> }.into_any(),
                }}
                <h3>{t(M::EmbedHeading)}</h3>
                <div class="share-panel__options">
                    <p>
                        <label for="embed-view">{t(M::EmbedView)}</label>
                        <select id="embed-view" on:change=move |ev| target.set(EmbedTarget::from_slug(&event_target_value(&ev)))>
                            {EmbedTarget::ALL.into_iter().map(|x| view! {
                                <option value=x.slug() selected=move || target_now() == x>{move || x.name(lang.get())}</option>
                            }).collect_view()}
                        </select>
                    </p>
                    <p>
                        <label for="embed-theme">{t(M::EmbedTheme)}</label>
                        <select id="embed-theme" on:change=move |ev| theme.set(if event_target_value(&ev) == "dark" { Theme::Dark } else { Theme::Light })>
                            {[Theme::Light, Theme::Dark].into_iter().map(|x| view! {
                                <option value=x.slug() selected=move || theme.get() == x>{move || x.name(lang.get())}</option>
                            }).collect_view()}
                        </select>
                    </p>
                    <p>
                        <label for="embed-lang">{t(M::EmbedLanguage)}</label>
                        <select id="embed-lang" on:change=move |ev| embed_lang.set(crate::i18n::from_tag(&event_target_value(&ev)))>
                            <option value="en" selected=move || embed_lang.get().unwrap_or(lang.get()) == Lang::En>"English"</option>
                            <option value="zh" selected=move || embed_lang.get().unwrap_or(lang.get()) == Lang::Zh>"中文"</option>
                        </select>
                    </p>
                </div>
                {move || match code() {
                    Ok(code) => view! {
                        <p>
                            <label for="embed-snippet">{t(M::SnippetLabel)}</label>
                            <textarea id="embed-snippet" class="share-panel__field" rows="5" readonly prop:value=code></textarea>
                        </p>
                        <p class="note">{t(M::SnippetNote)}</p>
                    }.into_any(),
                    Err(e) => view! { <p class="share-notice share-notice--error" role="alert">{e.message(lang.get())}</p> }.into_any(),
                }}
                <p><button type="button" class="button" on:click=move |_| open.set(false)>{t(M::Close)}</button></p>
            </section>
        </Show>
    }
}
