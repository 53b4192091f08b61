package dev.chatroom.store;

import java.util.List;

/** Where rooms' settings are kept so a restart brings them back. Saves are queued, never waited for. */
public interface RoomStore {
    List<SavedRoom> load();

    void save(SavedRoom room);

    /** The room is gone (its last member left). */
    void remove(String roomKey);

    RoomStore NONE = new RoomStore() {
        @Override
        public List<SavedRoom> load() {
            return List.of();
        }

        @Override
        public void save(SavedRoom room) {}

        @Override
        public void remove(String roomKey) {}
    };
}
