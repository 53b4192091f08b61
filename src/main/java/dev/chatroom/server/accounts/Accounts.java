package dev.chatroom.server.accounts;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.store.Account;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.AllowEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every account and the allow list, in memory on the event loop (a chat server's accounts fit
 * easily), each change written through to the {@link AccountStore}. Lookups never touch the disk.
 */
public final class Accounts {
    private final AccountStore store;
    private final Map<String, Account> byKey = new HashMap<>();
    private final Map<String, String> byCertificate = new HashMap<>();
    private final Map<String, AllowEntry> allowList = new HashMap<>();
    private AccountSharing sharing = AccountSharing.NONE;

    public Accounts(AccountStore store, AccountStore.Contents contents) {
        this.store = store;
        for (Account a : contents.accounts()) index(a);
        for (AllowEntry e : contents.allowList()) allowList.put(e.key(), e);
    }

    /** Accounts kept in memory only. */
    public static Accounts inMemory() {
        return new Accounts(AccountStore.NONE, new AccountStore.Contents(List.of(), List.of()));
    }

    /** The account with this name (case-insensitively), or null. */
    public Account find(String name) {
        return name == null ? null : byKey.get(Casemapping.fold(name));
    }

    /** The account that linked this certificate fingerprint, or null. */
    public Account byCertificate(String fingerprint) {
        String key = fingerprint == null ? null : byCertificate.get(fingerprint);
        return key == null ? null : byKey.get(key);
    }

    /** From now on new and changed accounts are shared so (a cluster). */
    public void share(AccountSharing sharing) {
        this.sharing = sharing;
    }

    /** Adds a new account, in a cluster once every server agrees the name is free: done gets false when it is taken. */
    public void register(Account a, Consumer<Boolean> done) {
        if (!sharing.create(a, done)) done.accept(create(a));
    }

    /**
     * A new or changed account another server of the cluster decided (or this one, in the
     * cluster's order). A new one is refused when the name is taken; a change of an account that
     * is gone (dropped meanwhile) is ignored. save: this server is its origin and writes it.
     */
    public boolean adopt(Account a, boolean isNew, boolean save) {
        Account old = byKey.get(a.key());
        if (isNew ? old != null : old == null) return false;
        if (old != null) old.certificates().forEach(byCertificate::remove);
        index(a);
        if (save) store.save(a);
        return true;
    }

    /** Adds a new account; false when the name is taken. */
    public boolean create(Account a) {
        if (byKey.containsKey(a.key())) return false;
        index(a);
        store.save(a);
        return true;
    }

    /** Replaces an existing account (new password, linked certificate). */
    public void update(Account a) {
        Account old = byKey.get(a.key());
        if (old != null) old.certificates().forEach(byCertificate::remove);
        index(a);
        store.save(a);
        sharing.changed(a);
    }

    /** Removes the account, its certificates and its allow-list entry; false when there was none. */
    public boolean drop(String name) {
        Account a = byKey.remove(Casemapping.fold(name));
        if (a == null) return false;
        a.certificates().forEach(byCertificate::remove);
        store.deleteAccount(a.key());
        if (allowList.remove(a.key()) != null) store.deleteAllowEntry(a.key());
        return true;
    }

    public List<Account> all() {
        List<Account> list = new ArrayList<>(byKey.values());
        list.sort(Comparator.comparing(Account::key));
        return list;
    }

    public int count() {
        return byKey.size();
    }

    /** The admin's remembered answer for an account name, or null. */
    public AllowEntry allowEntry(String name) {
        return name == null ? null : allowList.get(Casemapping.fold(name));
    }

    public void remember(AllowEntry e) {
        allowList.put(e.key(), e);
        store.save(e);
    }

    public boolean forget(String name) {
        String key = Casemapping.fold(name);
        if (allowList.remove(key) == null) return false;
        store.deleteAllowEntry(key);
        return true;
    }

    public List<AllowEntry> allowList() {
        List<AllowEntry> list = new ArrayList<>(allowList.values());
        list.sort(Comparator.comparing(AllowEntry::key));
        return list;
    }

    private void index(Account a) {
        byKey.put(a.key(), a);
        for (String fp : a.certificates()) byCertificate.put(fp, a.key());
    }
}
