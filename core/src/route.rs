//! Addresses: which view a URL fragment names, and the fragment that names a view.
//!
//! Every view and questionnaire step has an address in the fragment (`#/step/3`, `#/review`,
//! `#/results/ID`, `#/workshop/ID/present/N`...), so the browser's Back and Forward move inside the app and a reload shows
//! the same view. The forms released before views had addresses keep their meaning: `#r=PAYLOAD`
//! (a shared result, `&w=ID` when it was sent to a workshop) and `#join=ID.NAME` (a workshop
//! invitation). `parse` and `fragment` are the one place these are read and written; they never
//! fail: text that names no view is `Route::Start`, and a damaged invitation is
//! `Route::BadJoin`, so the app can say so. The two link forms are also read as chat apps, mail
//! clients and hand edits leave them (`#r%3D…`, `#R=…`, `#/r=…`, `#?r=…`, and the same for
//! `#join=`), so such a link opens, or says why it cannot, rather than opening the start page
//! as if nothing had been asked (issue 30).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use super::{link, workshop};

/// A view of the app, as its address names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The landing view, which holds the first questionnaire step (`#/`, or no fragment).
    Start,
    /// A questionnaire step after the first, counted from 0 (`#/step/2` is `Step(1)`). The
    /// first step is the landing view: `#/step/1` reads as `Start`.
    Step(usize),
    /// Every question with its answer, and a way to change each (`#/review`).
    Review,
    /// A saved assessment's results, by its id (`#/results/ID`).
    Results(String),
    /// The finished assessments kept in this browser (`#/history`).
    History,
    /// Two saved assessments side by side, by id (`#/compare/A/B`), or two versions of them
    /// (`#/compare/A@1/A@3`: an id never holds a bare `@`, which it escapes).
    Compare(Pick, Pick),
    /// The workshops this browser facilitates (`#/workshops`).
    Workshops,
    /// One workshop, by id (`#/workshop/ID`).
    Workshop(String),
    /// "Present results" of a workshop, at one slide counted from 0
    /// (`#/workshop/ID/present/1` is the first slide).
    Present(String, usize),
    /// How the score is worked out (`#/how`).
    How,
    /// Someone's result, carried in the link itself (`#r=PAYLOAD`, and `&w=ID` when it was sent
    /// to a workshop). The payload is not checked here: the link codec does that.
    Shared {
        payload: String,
        workshop: Option<String>,
    },
    /// A workshop invitation (`#join=ID.NAME`), read and well formed.
    Join { id: String, name: String },
    /// Meant as a workshop invitation, but damaged.
    BadJoin,
}

/// One saved assessment as an address names it: its current version, or one of its versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pick {
    pub id: String,
    /// `None`: the current version.
    pub version: Option<u32>,
}

impl Pick {
    pub fn current(id: impl Into<String>) -> Pick {
        Pick {
            id: id.into(),
            version: None,
        }
    }

    pub fn at(id: impl Into<String>, version: u32) -> Pick {
        Pick {
            id: id.into(),
            version: Some(version),
        }
    }
}

fn pick_part(pick: &Pick) -> String {
    match pick.version {
        None => id_part(&pick.id),
        Some(n) => format!("{}@{n}", id_part(&pick.id)),
    }
}

fn read_pick(part: &str) -> Option<Pick> {
    match part.rsplit_once('@') {
        None => read_id(part).map(Pick::current),
        Some((id, n)) => {
            let n = n.parse::<u32>().ok().filter(|n| *n >= 1)?;
            read_id(id).map(|id| Pick::at(id, n))
        }
    }
}

/// What is escaped in an id inside an address: everything but letters, digits, `-`, `_` and
/// `.`, so an id (which an imported file may set to any text) can never break the address apart.
const ID: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

fn id_part(id: &str) -> String {
    utf8_percent_encode(id, ID).to_string()
}

fn read_id(part: &str) -> Option<String> {
    let id = percent_decode_str(part).decode_utf8().ok()?;
    (!id.is_empty()).then(|| id.into_owned())
}

/// A shared result from what follows `r=`: its payload, and the workshop after `&w=`.
fn shared(rest: &str) -> Route {
    let (payload, workshop) = match rest.split_once('&') {
        Some((payload, tail)) => (payload, tail.strip_prefix("w=").map(str::to_string)),
        None => (rest, None),
    };
    Route::Shared {
        payload: payload.to_string(),
        workshop,
    }
}

/// An invitation from what follows `join=`: read, or damaged.
fn join(rest: &str) -> Route {
    match workshop::parse_join(&format!("{}{rest}", workshop::JOIN_KEY)) {
        Some((id, name)) => Route::Join { id, name },
        None => Route::BadJoin,
    }
}

/// A share link or invitation in a form no build writes, as links are mangled on their way:
/// a `/` or `?` in front of the key (`#/r=`, `#?r=`), the key in capitals (`#R=`, `#JOIN=`), or
/// its `=` percent-encoded (`#r%3D…`, where whatever followed was encoded with it, so the rest
/// is decoded once). `None` when the fragment is no such thing.
fn mangled(fragment: &str) -> Option<Route> {
    let bare = fragment.trim_start_matches(['/', '?']);
    for (key, read) in [("r", shared as fn(&str) -> Route), ("join", join)] {
        let Some(after) = bare
            .get(..key.len())
            .filter(|k| k.eq_ignore_ascii_case(key))
            .map(|_| &bare[key.len()..])
        else {
            continue;
        };
        if let Some(rest) = after.strip_prefix('=') {
            return Some(read(rest));
        }
        if let Some(rest) = after
            .get(..3)
            .filter(|eq| eq.eq_ignore_ascii_case("%3D"))
            .map(|_| &after[3..])
        {
            return Some(read(&percent_decode_str(rest).decode_utf8_lossy()));
        }
    }
    None
}

/// The view a fragment names (with or without its `#`).
pub fn parse(fragment: &str) -> Route {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if let Some(rest) = fragment.strip_prefix("r=") {
        return shared(rest);
    }
    if workshop::looks_like_join(fragment) {
        return match workshop::parse_join(fragment) {
            Some((id, name)) => Route::Join { id, name },
            None => Route::BadJoin,
        };
    }
    if let Some(route) = mangled(fragment) {
        return route;
    }
    let Some(path) = fragment.strip_prefix('/') else {
        return Route::Start;
    };
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["step", n] => match n.parse::<usize>() {
            Ok(n) if n >= 2 => Route::Step(n - 1),
            _ => Route::Start,
        },
        ["review"] => Route::Review,
        ["results", id] => read_id(id).map_or(Route::Start, Route::Results),
        ["history"] => Route::History,
        ["compare", a, b] => match (read_pick(a), read_pick(b)) {
            (Some(a), Some(b)) => Route::Compare(a, b),
            _ => Route::History,
        },
        ["workshops"] => Route::Workshops,
        ["workshop", id] => read_id(id).map_or(Route::Workshops, Route::Workshop),
        ["workshop", id, "present", n] => match (read_id(id), n.parse::<usize>()) {
            (Some(id), Ok(n)) if n >= 1 => Route::Present(id, n - 1),
            (Some(id), _) => Route::Present(id, 0),
            (None, _) => Route::Workshops,
        },
        ["how"] => Route::How,
        _ => Route::Start,
    }
}

/// The fragment, with its `#`, that names `route`.
pub fn fragment(route: &Route) -> String {
    match route {
        Route::Start | Route::Step(0) => "#/".to_string(),
        Route::Step(n) => format!("#/step/{}", n + 1),
        Route::Review => "#/review".to_string(),
        Route::Results(id) => format!("#/results/{}", id_part(id)),
        Route::History => "#/history".to_string(),
        Route::Compare(a, b) => format!("#/compare/{}/{}", pick_part(a), pick_part(b)),
        Route::Workshops => "#/workshops".to_string(),
        Route::Workshop(id) => format!("#/workshop/{}", id_part(id)),
        Route::Present(id, n) => format!("#/workshop/{}/present/{}", id_part(id), n + 1),
        Route::How => "#/how".to_string(),
        Route::Shared { payload, workshop } => match workshop {
            Some(id) => format!(
                "#{}{payload}{}{id}",
                link::FRAGMENT_KEY,
                workshop::WORKSHOP_MARK
            ),
            None => format!("#{}{payload}", link::FRAGMENT_KEY),
        },
        Route::Join { id, name } => format!("#{}", workshop::join_fragment(id, name)),
        Route::BadJoin => "#join=".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Route) {
        assert_eq!(parse(text), expected, "{text}");
    }

    fn shared(payload: &str, workshop: Option<&str>) -> Route {
        Route::Shared {
            payload: payload.to_string(),
            workshop: workshop.map(str::to_string),
        }
    }

    #[test]
    fn every_view_has_an_address_that_reads_back() {
        let routes = [
            Route::Start,
            Route::Step(1),
            Route::Step(9),
            Route::Review,
            Route::Results("19a2b3c4d5e-0f1a".to_string()),
            Route::History,
            Route::Compare(Pick::current("a-1"), Pick::current("b-2")),
            Route::Compare(Pick::at("a@1", 2), Pick::at("a@1", 13)),
            Route::Workshops,
            Route::Workshop("platform-offsite".to_string()),
            Route::Present("platform-offsite".to_string(), 0),
            Route::Present("platform-offsite".to_string(), 15),
            Route::How,
            shared("EQIB", None),
            shared("EQIB", Some("offsite")),
            Route::Join {
                id: "offsite".to_string(),
                name: "Platform offsite, Nov 2026".to_string(),
            },
        ];
        for route in routes {
            assert_eq!(parse(&fragment(&route)), route, "{}", fragment(&route));
        }
    }

    #[test]
    fn addresses_read_as_the_views_they_name() {
        check("", Route::Start);
        check("#", Route::Start);
        check("#/", Route::Start);
        check("#/step/1", Route::Start);
        check("#/step/0", Route::Start);
        check("#/step/2", Route::Step(1));
        check("/step/10", Route::Step(9));
        check("#/step/x", Route::Start);
        check("#/step/99999999999999999999999", Route::Start);
        check("#/review", Route::Review);
        check("#/results/abc-1", Route::Results("abc-1".to_string()));
        check("#/results/", Route::Start);
        check("#/history", Route::History);
        check(
            "#/compare/a/b",
            Route::Compare(Pick::current("a"), Pick::current("b")),
        );
        check(
            "#/compare/a@1/a@3",
            Route::Compare(Pick::at("a", 1), Pick::at("a", 3)),
        );
        check("#/compare/a@0/b", Route::History);
        check("#/compare/a@x/b", Route::History);
        check("#/compare/a", Route::Start);
        check("#/compare/a/", Route::History);
        check("#/workshops", Route::Workshops);
        check("#/workshop/w1", Route::Workshop("w1".into()));
        check("#/workshop/w1/present/1", Route::Present("w1".into(), 0));
        check("#/workshop/w1/present/3", Route::Present("w1".into(), 2));
        check("#/workshop/w1/present/0", Route::Present("w1".into(), 0));
        check("#/workshop/w1/present/x", Route::Present("w1".into(), 0));
        check(
            "#/workshop/w1/present/99999999999999999999999",
            Route::Present("w1".into(), 0),
        );
        check("#/how", Route::How);
        check("#/unknown", Route::Start);
        check("#unknown-view", Route::Start);
        check("#<script>alert(1)</script>", Route::Start);
        check("#%E0%A4%A", Route::Start);
    }

    #[test]
    fn released_link_forms_keep_their_meaning() {
        // Share links (issue 6), results sent to a workshop and invitations (issue 7), as
        // released: tests/fixtures/links-v1.txt holds real payloads.
        check("#r=EQIBAgMEBQ", shared("EQIBAgMEBQ", None));
        check("r=EQIBAgMEBQ", shared("EQIBAgMEBQ", None));
        check(
            "#r=EQIB&w=offsite-2026",
            shared("EQIB", Some("offsite-2026")),
        );
        check("#r=", shared("", None));
        check("#r=<b>x</b>", shared("<b>x</b>", None));
        check(
            "#join=offsite.Platform%20offsite%2C%20Nov%202026",
            Route::Join {
                id: "offsite".into(),
                name: "Platform offsite, Nov 2026".into(),
            },
        );
        check("#join=", Route::BadJoin);
        check("#join=offsite", Route::BadJoin);
        check("#join=offsite.%ZZ", Route::BadJoin);
    }

    /// Issue 30: share links and invitations as they arrive mangled read as what they are, so
    /// the app opens them or says why it cannot, never the start page as if nothing was asked.
    #[test]
    fn issue_30_mangled_link_forms_read_as_the_links_they_were() {
        let join = |id: &str, name: &str| Route::Join {
            id: id.into(),
            name: name.into(),
        };
        check("#r%3DEQIBAgMEBQ", shared("EQIBAgMEBQ", None));
        check("#r%3dEQIBAgMEBQ", shared("EQIBAgMEBQ", None));
        check("#R=EQIBAgMEBQ", shared("EQIBAgMEBQ", None));
        check("#/r=EQIBAgMEBQ", shared("EQIBAgMEBQ", None));
        check("#?r=EQIBAgMEBQ", shared("EQIBAgMEBQ", None));
        check("#/?R%3DEQIB", shared("EQIB", None));
        check("#r%3DEQIB%26w%3Doffsite", shared("EQIB", Some("offsite")));
        check("#/r=EQIB&w=offsite", shared("EQIB", Some("offsite")));
        check("#R=", shared("", None));
        check("#r%3D%E0%A4%A", shared("\u{fffd}%A", None));
        check(
            "#join%3Doffsite.Platform%2520offsite",
            join("offsite", "Platform offsite"),
        );
        check("#JOIN=offsite.Room", join("offsite", "Room"));
        check("#/join=offsite.Room", join("offsite", "Room"));
        check("#?Join=offsite.Room", join("offsite", "Room"));
        check("#JOIN=offsite", Route::BadJoin);
        check("#/join%3D", Route::BadJoin);
        // Views and other text are not link forms.
        check("#/results/abc-1", Route::Results("abc-1".to_string()));
        check("#/review", Route::Review);
        check("#rabbit", Route::Start);
        check("#r", Route::Start);
        check("#joint", Route::Start);
        check("#/join", Route::Start);
        check("#%3D", Route::Start);
    }

    #[test]
    fn ids_from_outside_cannot_break_an_address_apart() {
        for id in ["a/b", "x y", "é#1", "../../history", "%2F", "a&w=b"] {
            let route = Route::Results(id.to_string());
            assert_eq!(parse(&fragment(&route)), route, "{id}");
            let route = Route::Compare(Pick::current(id), Pick::at("other", 2));
            assert_eq!(parse(&fragment(&route)), route, "{id}");
            let route = Route::Present(id.to_string(), 2);
            assert_eq!(parse(&fragment(&route)), route, "{id}");
        }
    }
}
