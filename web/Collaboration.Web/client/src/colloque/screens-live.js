// The rooms' "now" and the announcement, live on their own topic colloque-screens:{id} (the screens grain),
// for the pages that show them. GET …/public has them too, so a page renders at load before the topic answers.
import { connectLive } from '../live.js';

/**
 * Follows colloque id's room screens; onChange(screens) after the snapshot and after each change.
 * Returns { current }: the latest { rooms, announcement }, null until the topic answered.
 */
export function followScreens(id, onChange) {
  const screens = { current: null };
  connectLive().subscribe(`colloque-screens:${id}`, ({ type, data }) => {
    const current = screens.current;
    if (!current || !data) return;
    if (type === 'RoomNowChanged') {
      current.rooms = current.rooms.filter((r) => r.name !== data.room)
        .concat([{ name: data.room, sessionId: data.sessionId, followsTimetable: data.followsTimetable, setAt: data.at }]);
    } else if (type === 'AnnouncementChanged') {
      current.announcement = data.text ? { text: data.text, at: data.at } : null;
    }
    onChange(current);
  }, {
    onSnapshot: (snapshot) => {
      if (!snapshot) return;
      screens.current = { rooms: snapshot.rooms, announcement: snapshot.announcement };
      onChange(screens.current);
    },
  });
  return screens;
}

/** The view with the screens' rooms and announcement, once known (the topic is newer than a view read before it). */
export function withScreens(view, screens) {
  if (view && screens.current) {
    view.rooms = screens.current.rooms;
    view.announcement = screens.current.announcement;
  }
  return view;
}
