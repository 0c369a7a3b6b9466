// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

#![allow(clippy::module_inception)]

//! Event-related API endpoints
//!
//! These endpoints are used for querying events on an instance, for specific users, and for
//! specific projects.

mod events;
mod projects;
mod users;

pub use self::events::EventAction;
pub use self::events::EventScope;
pub use self::events::EventTarget;
pub use self::events::Events;
pub use self::events::EventsBuilder;
pub use self::events::EventsBuilderError;

pub use self::projects::ProjectEvents;
pub use self::projects::ProjectEventsBuilder;
pub use self::projects::ProjectEventsBuilderError;

pub use self::users::UserEvents;
pub use self::users::UserEventsBuilder;
pub use self::users::UserEventsBuilderError;
