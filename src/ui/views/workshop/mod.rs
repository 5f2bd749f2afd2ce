//! Workshop mode, facilitator side: create a workshop, invite the room with a join link and a
//! large QR code, gather participants' result links from pasted text or files, and see where
//! the room disagrees, and present it on a projector one slide at a time (`Present`).
//! Participants' side lives in `results.rs` (`SendToFacilitator`). Every coordinate drawn here
//! comes from `stagefit_core::chart`; every count from `stagefit_core::workshop`. Every word
//! comes from the `workshop` namespace of the locale files (`locales/<language>/workshop.json`),
//! in the language in use; bank texts (areas, levels, questions, answers, advice) are the bank's.

mod charts;
mod list;
mod participants;
mod present;
mod reading;
mod room;
mod summary;

pub use list::Workshops;
pub use present::Present;
pub use reading::RoomCache;
pub use room::WorkshopView;
