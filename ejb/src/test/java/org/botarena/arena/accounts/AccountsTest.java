package org.botarena.arena.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.botarena.arena.bots.BotDirectory;
import org.botarena.arena.bots.BotService;
import org.botarena.arena.bots.TestBots;
import org.botarena.arena.bots.TokenRevoked;
import org.botarena.arena.testing.FiredEvents;
import org.botarena.arena.testing.ServiceDatabase;
import org.botarena.db.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Users, teams, bots and tokens against a real PostgreSQL database, with the cross-team cases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTest {

  static final String KEY = "let-me-in";
  ServiceDatabase db;
  AccountService accounts = new AccountService();
  TeamService teams = new TeamService();
  BotService bots;
  FiredEvents<TokenRevoked> revoked = new FiredEvents<>();
  SignInThrottle throttle = new SignInThrottle();
  BotDirectory directory;
  int names;

  @BeforeAll
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_accounts");
    accounts.em = db.em;
    accounts.teams = teams;
    accounts.configuredRegistrationKey = Optional.of(KEY);
    teams.em = db.em;
    teams.invitationDays = 14;
    bots = TestBots.botService(db.em, revoked);
    throttle.em = db.em;
    throttle.maxFailures = 3;
    throttle.maxFailuresPerUser = 5;
    throttle.windowSeconds = 600;
    throttle.slowDownSeconds = 30;
    throttle.knownAddressDays = 90;
    throttle.maxSignUpFailures = 5;
    directory = TestBots.botDirectory(db.em);
  }

  @AfterAll
  void tearDown() {
    db.close();
  }

  String unique(String prefix) {
    return prefix + "-" + (++names);
  }

  Caller user(String name) {
    db.run(() -> accounts.signUp(name, Secrets.hashPassword("password-" + name), KEY, null));
    return caller(name);
  }

  Caller caller(String name) {
    return db.tx(() -> accounts.caller(name)).orElseThrow();
  }

  /** A user with a team of their own. */
  Caller teamOwner(String name) {
    Caller u = user(name);
    db.tx(() -> teams.create(u, "team-" + name));
    return caller(name);
  }

  @Test
  void signUpNeedsTheRegistrationKeyOrAnInvitation() {
    String name = unique("Alice");
    AccountException wrong =
        assertThrows(
            AccountException.class,
            () -> db.tx(() -> accounts.signUp(name, "x", "not-the-key", null)));
    assertTrue(wrong.getMessage().contains("registration key"));
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> accounts.signUp(name, "x", null, "invite_forged")));
    assertTrue(db.tx(() -> accounts.credentials(name)).isEmpty());

    db.run(() -> accounts.signUp(name, Secrets.hashPassword("secret-pass"), " " + KEY + " ", null));
    Credentials c = db.tx(() -> accounts.credentials(name.toLowerCase())).orElseThrow();
    assertEquals(name, c.username(), "the name as registered, whatever the case typed");
    assertTrue(Secrets.verifyPassword("secret-pass", c.passwordHash()));
    assertFalse(c.toString().contains(c.passwordHash()));
    assertFalse(c.admin());
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> accounts.signUp(name.toUpperCase(), "x", KEY, null)),
        "taken, case-insensitively");
    assertThrows(
        AccountException.class, () -> db.tx(() -> accounts.signUp("bad name!", "x", KEY, null)));
  }

  @Test
  void theAdminsKeyOverridesTheConfiguredOneAndABlankKeyClosesSignUp() {
    Caller admin = user(unique("admin"));
    db.run(
        () ->
            db.em
                .createNativeQuery("update users set role = 'ADMIN' where id = ?1")
                .setParameter(1, admin.userId())
                .executeUpdate());
    Caller plain = user(unique("plain"));
    assertThrows(
        AccessDenied.class, () -> db.run(() -> accounts.setRegistrationKey(plain, "mine")));
    Caller promoted = caller(admin.username());
    try {
      db.run(() -> accounts.setRegistrationKey(promoted, "new-key"));
      assertFalse(db.tx(() -> accounts.registrationKeyMatches(KEY)));
      assertTrue(db.tx(() -> accounts.registrationKeyMatches("new-key")));
      db.run(() -> accounts.setRegistrationKey(promoted, ""));
      assertFalse(db.tx(() -> accounts.registrationKeyMatches("")));
      assertThrows(
          AccountException.class,
          () -> db.tx(() -> accounts.signUp(unique("late"), "x", "", null)));
    } finally {
      db.run(() -> db.em.createNativeQuery("delete from settings").executeUpdate());
    }
    assertTrue(db.tx(() -> accounts.registrationKeyMatches(KEY)));
  }

  @Test
  void invitationsLetUsersJoinAndCanBeRevoked() {
    Caller owner = teamOwner(unique("owner"));
    String code = db.tx(() -> teams.invite(owner, owner.teamId(), 5));
    assertTrue(code.startsWith("invite_") && code.length() > 40);

    // sign-up with the invitation, no key: straight into the team
    String invited = unique("invited");
    db.run(() -> accounts.signUp(invited, "x", null, code));
    assertEquals(owner.teamId(), caller(invited).teamId());

    // an existing user without a team joins with it
    Caller loner = user(unique("loner"));
    assertEquals("team-" + owner.username(), db.tx(() -> teams.join(loner, code)));
    TeamService.TeamInfo info = db.tx(() -> teams.team(owner, owner.teamId()));
    assertEquals(3, info.members().size());
    assertEquals(2, info.invitations().get(0).uses());

    // revoked: neither joins nor signs up
    db.run(() -> teams.revokeInvitation(owner, info.invitations().get(0).id()));
    Caller late = user(unique("late"));
    assertThrows(AccountException.class, () -> db.tx(() -> teams.join(late, code)));
    assertThrows(
        AccountException.class, () -> db.tx(() -> accounts.signUp(unique("x"), "x", null, code)));

    // expired
    String old = db.tx(() -> teams.invite(owner, owner.teamId()));
    db.run(
        () ->
            db.em
                .createNativeQuery(
                    "update team_invitations set expires_at = now() - interval '1 minute'"
                        + " where revoked_at is null")
                .executeUpdate());
    assertThrows(AccountException.class, () -> db.tx(() -> teams.join(late, old)));

    // one team at a time; leaving keeps the team
    Caller member = caller(loner.username());
    assertThrows(AccountException.class, () -> db.tx(() -> teams.create(member, unique("second"))));
    db.run(() -> teams.leave(member));
    assertNull(caller(loner.username()).teamId());
    assertEquals(2, db.tx(() -> teams.team(owner, owner.teamId())).members().size());
  }

  @Test
  void teamNamesAreUniqueAndHouseIsReserved() {
    Caller a = teamOwner(unique("a"));
    Caller b = user(unique("b"));
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> teams.create(b, ("team-" + a.username()).toUpperCase())));
    assertThrows(AccountException.class, () -> db.tx(() -> teams.create(b, "House")));
    assertThrows(AccountException.class, () -> db.tx(() -> teams.create(b, "no spaces")));
  }

  @Test
  void tokensAreShownOnceStoredHashedRotatedAndRevoked() throws Exception {
    Caller owner = teamOwner(unique("tok"));
    BotService.NewToken created = db.tx(() -> bots.create(owner, unique("bot")));
    assertTrue(
        created.token().startsWith("arena_") && created.token().length() >= 6 + 22,
        "at least 128 bits");
    assertFalse(created.toString().contains(created.token()));
    assertEquals(
        created.botId(),
        db.tx(() -> directory.authenticate(created.token())).orElseThrow().botId());
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select hash, hint from tokens where bot_id = " + created.botId())) {
      assertTrue(rs.next());
      assertEquals(Secrets.tokenHash(created.token()), rs.getString(1).strip());
      assertEquals(created.token().substring(6, 10), rs.getString(2));
    }

    BotService.NewToken rotated = db.tx(() -> bots.rotate(owner, created.botId()));
    assertTrue(
        db.tx(() -> directory.authenticate(created.token())).isEmpty(),
        "the old token stops at once");
    assertTrue(db.tx(() -> directory.authenticate(rotated.token())).isPresent());
    List<BotService.TeamBot> list = db.tx(() -> bots.bots(owner, owner.teamId(), "simple"));
    assertEquals(1, list.size());
    assertEquals("arena_" + rotated.token().substring(6, 10) + "…", list.get(0).tokenHint());
    assertFalse(list.get(0).isOnline());

    db.run(() -> bots.revoke(owner, created.botId()));
    assertTrue(db.tx(() -> directory.authenticate(rotated.token())).isEmpty());
    // a rotation and a revocation each announce themselves: a connected bot is cut off after the
    // commit
    assertEquals(2, revoked.fired.stream().filter(e -> e.botId() == created.botId()).count());
    assertNull(db.tx(() -> bots.bots(owner, owner.teamId(), "simple")).get(0).tokenHint());
  }

  @Test
  void renameKeepsTheNameHistoryAndDeleteKeepsTheMatches() throws Exception {
    Caller owner = teamOwner(unique("ren"));
    String first = unique("first");
    BotService.NewToken bot = db.tx(() -> bots.create(owner, first));
    Caller other = teamOwner(unique("other"));
    String taken = db.tx(() -> bots.create(other, unique("taken"))).botName();
    assertThrows(
        AccountException.class,
        () -> db.run(() -> bots.rename(owner, bot.botId(), taken.toUpperCase())));
    db.run(() -> bots.rename(owner, bot.botId(), first + "-v2"));
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select name, valid_to is null from bot_names where bot_id = "
                        + bot.botId()
                        + " order by id")) {
      assertTrue(rs.next());
      assertEquals(first, rs.getString(1));
      assertFalse(rs.getBoolean(2));
      assertTrue(rs.next());
      assertEquals(first + "-v2", rs.getString(1));
      assertTrue(rs.getBoolean(2));
    }

    UUID match = UUID.randomUUID();
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "insert into arenas (kind, name, game_type) values ('TRAINING', 'ren-"
                  + bot.botId()
                  + "', 'simple')");
      c.createStatement()
          .execute(
              "insert into matches (id, arena_id, game_type, config, seed, state)"
                  + " select '"
                  + match
                  + "', max(id), 'simple', '{}', 1, 'FINISHED' from arenas");
      c.createStatement()
          .execute(
              "insert into match_players (match_id, spot, bot_id, bot_name) values ('"
                  + match
                  + "', 0, "
                  + bot.botId()
                  + ", '"
                  + first
                  + "')");
    }
    db.run(() -> bots.delete(owner, bot.botId()));
    assertTrue(db.tx(() -> bots.bots(owner, owner.teamId(), "simple")).isEmpty());
    assertTrue(
        db.tx(() -> directory.authenticate(bot.token())).isEmpty(),
        "a deleted bot's token is dead");
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select count(*) from match_players where bot_id = " + bot.botId())) {
      rs.next();
      assertEquals(1, rs.getInt(1), "its matches stay");
    }
    // its name is free again
    db.tx(() -> bots.create(owner, first + "-v2"));
  }

  @Test
  void aUserCannotTouchAnotherTeamsBotsTokensOrInvitations() {
    Caller a = teamOwner(unique("ta"));
    Caller b = teamOwner(unique("tb"));
    Caller noTeam = user(unique("nt"));
    BotService.NewToken botA = db.tx(() -> bots.create(a, unique("abot")));
    String inviteA = db.tx(() -> teams.invite(a, a.teamId()));
    long invitationA = db.tx(() -> teams.team(a, a.teamId())).invitations().get(0).id();

    for (Caller intruder : List.of(b, noTeam)) {
      assertThrows(AccessDenied.class, () -> db.tx(() -> bots.rotate(intruder, botA.botId())));
      assertThrows(AccessDenied.class, () -> db.run(() -> bots.revoke(intruder, botA.botId())));
      assertThrows(
          AccessDenied.class,
          () -> db.run(() -> bots.rename(intruder, botA.botId(), unique("mine"))));
      assertThrows(AccessDenied.class, () -> db.run(() -> bots.delete(intruder, botA.botId())));
      assertThrows(
          AccessDenied.class, () -> db.tx(() -> bots.bots(intruder, a.teamId(), "simple")));
      assertThrows(AccessDenied.class, () -> db.tx(() -> teams.team(intruder, a.teamId())));
      assertThrows(AccessDenied.class, () -> db.tx(() -> teams.invite(intruder, a.teamId())));
      assertThrows(
          AccessDenied.class, () -> db.run(() -> teams.revokeInvitation(intruder, invitationA)));
      assertThrows(AccessDenied.class, () -> db.tx(() -> accounts.users(intruder)));
      assertThrows(AccessDenied.class, () -> db.tx(() -> teams.teams(intruder)));
    }
    assertThrows(AccountException.class, () -> db.tx(() -> bots.create(noTeam, unique("orphan"))));
    // nothing changed
    assertTrue(db.tx(() -> directory.authenticate(botA.token())).isPresent());
    assertEquals(1, db.tx(() -> bots.bots(a, a.teamId(), "simple")).size());
    assertTrue(db.tx(() -> teams.validInvitation(inviteA)).isPresent());

    // an admin may
    db.run(
        () ->
            db.em
                .createNativeQuery("update users set role = 'ADMIN' where id = ?1")
                .setParameter(1, noTeam.userId())
                .executeUpdate());
    Caller admin = caller(noTeam.username());
    assertEquals(1, db.tx(() -> bots.bots(admin, a.teamId(), "simple")).size());
    db.tx(() -> bots.rotate(admin, botA.botId()));
    assertTrue(db.tx(() -> directory.authenticate(botA.token())).isEmpty());
  }

  @Test
  void repeatedAttemptsWaitPerUserAndAddressAndInTotalPerUser() {
    String user = unique("Victim");
    for (int i = 0; i < 3; i++) {
      String typed = i % 2 == 0 ? user : user.toUpperCase();
      assertTrue(
          db.tx(() -> throttle.admit(typed, "10.0.0.1")).isEmpty(), "attempt " + i + " of 3");
    }
    assertTrue(db.tx(() -> throttle.admit(user, "10.0.0.1")).orElseThrow().toSeconds() > 500);
    assertTrue(
        db.tx(() -> throttle.admit(user, "10.0.0.2")).isEmpty(), "another address may still try");
    assertTrue(
        db.tx(() -> throttle.admit(unique("other"), "10.0.0.1")).isEmpty(), "another user too");

    assertTrue(db.tx(() -> throttle.admit(user, "10.0.0.3")).isEmpty());
    assertTrue(
        db.tx(() -> throttle.admit(user, "10.0.0.4")).isPresent(),
        "5 attempts in all slow down every address the user never signed in from");

    // attempts age out of the window
    db.run(
        () ->
            db.em
                .createNativeQuery(
                    "update sign_in_attempts set attempts ="
                        + " array(select t - interval '11 minutes' from unnest(attempts) t)")
                .executeUpdate());
    assertTrue(db.tx(() -> throttle.admit(user, "10.0.0.1")).isEmpty());

    // a success forgets its address's attempts and does not count towards the total
    String ok = unique("ok");
    for (int i = 0; i < 10; i++) {
      assertTrue(db.tx(() -> throttle.admit(ok, "10.0.0.9")).isEmpty(), "signing in");
      db.run(() -> throttle.succeeded(ok, "10.0.0.9"));
    }
  }

  /**
   * Before: 5 failures (20 by default) from anywhere locked the username for every address, so
   * anyone could lock a student out. Now failures lock their own address, a new address is slowed
   * down past the total, and the owner still signs in from where they signed in before.
   */
  @Test
  void failuresFromElsewhereLockTheirAddressButTheOwnerStillSignsIn() {
    String user = unique("student");
    String home = "10.0.5.1";
    String attacker = "10.0.5.2";
    assertTrue(db.tx(() -> throttle.admit(user, home)).isEmpty(), "the owner signs in from home");
    db.run(() -> throttle.succeeded(user, home));

    for (int i = 0; i < 3; i++) {
      assertTrue(
          db.tx(() -> throttle.admit(user, attacker)).isEmpty(),
          "guess " + i + " of 3 from one address");
    }
    assertTrue(
        db.tx(() -> throttle.admit(user, attacker)).orElseThrow().toSeconds() > 500,
        "that address is locked");
    assertTrue(
        db.tx(() -> throttle.admit(user, "10.0.5.3")).isEmpty(), "another address may guess");
    assertTrue(db.tx(() -> throttle.admit(user, "10.0.5.3")).isEmpty(), "the 5th guess in all");
    long slowed = db.tx(() -> throttle.admit(user, "10.0.5.4")).orElseThrow().toSeconds();
    assertTrue(
        slowed >= 1 && slowed <= 30,
        "past the total a new address waits the slow-down, not the window: " + slowed);

    assertTrue(
        db.tx(() -> throttle.admit(user, home)).isEmpty(),
        "the owner's address is not locked by the others");
    db.run(() -> throttle.succeeded(user, home));
    assertTrue(db.tx(() -> throttle.admit(user, home)).isEmpty(), "and stays open");

    // the slow-down passes: one more guess from the new addresses, then the next waits again
    db.run(
        () ->
            db.em
                .createNativeQuery(
                    "update sign_in_attempts set attempts = array(select t - interval '31 seconds'"
                        + " from unnest(attempts) t) where username = lower(?1)")
                .setParameter(1, user)
                .executeUpdate());
    assertTrue(db.tx(() -> throttle.admit(user, "10.0.5.4")).isEmpty(), "one guess per slow-down");
    assertTrue(db.tx(() -> throttle.admit(user, "10.0.5.5")).isPresent(), "and only one");
    assertTrue(
        db.tx(() -> throttle.admit(user, attacker)).isPresent(),
        "the locked address stays locked for the window");
    assertTrue(
        db.tx(() -> throttle.admit(unique("student"), attacker)).isEmpty(),
        "the lock is on this username only");
  }

  /**
   * Before: checked in one statement and recorded in another, a parallel burst got a guess per
   * request.
   */
  @Test
  void aParallelBurstGetsNoMoreGuessesThanTheLimit() throws Exception {
    String user = unique("burst");
    int requests = 12;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(requests);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        results.add(
            pool.submit(
                () -> {
                  try (ServiceDatabase.Session own = db.session()) {
                    SignInThrottle t = new SignInThrottle();
                    t.em = own.em();
                    t.maxFailures = throttle.maxFailures;
                    t.maxFailuresPerUser = throttle.maxFailuresPerUser;
                    t.windowSeconds = throttle.windowSeconds;
                    t.slowDownSeconds = throttle.slowDownSeconds;
                    t.knownAddressDays = throttle.knownAddressDays;
                    start.await();
                    return own.tx(() -> t.admit(user, "10.0.1.1")).isEmpty();
                  }
                }));
      }
      start.countDown();
      int admitted = 0;
      for (java.util.concurrent.Future<Boolean> r : results) {
        admitted += r.get() ? 1 : 0;
      }
      assertEquals(throttle.maxFailures, admitted);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Before: the throttle lower-cased in Java, the lookup in SQL; a name they fold apart had its own
   * count.
   */
  @Test
  void theThrottleFoldsNamesAsTheLookupDoes() {
    String user = unique("idle");
    String typed =
        user.replace('i', '\u0130'); // 'İ': Java folds it to "i̇", PostgreSQL's lower() to 'i'
    boolean sqlFoldsToI =
        "i"
            .equals(
                db.tx(() -> db.em.createNativeQuery("select lower('\u0130')").getSingleResult()));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        sqlFoldsToI, "this database's lower() keeps the dot");
    user(user);
    assertEquals(
        user,
        db.tx(() -> accounts.credentials(typed)).orElseThrow().username(),
        "the lookup finds the user");
    for (int i = 0; i < 3; i++) {
      db.tx(() -> throttle.admit(typed, "10.0.2.1"));
    }
    assertTrue(
        db.tx(() -> throttle.admit(user, "10.0.2.1")).isPresent(), "the same user, the same count");
  }

  @Test
  void wrongRegistrationKeysAreThrottledPerAddress() {
    for (int i = 0; i < 5; i++) {
      assertTrue(db.tx(() -> throttle.admitSignUp("10.0.3.1")).isEmpty());
    }
    assertTrue(
        db.tx(() -> throttle.admitSignUp("10.0.3.1")).isPresent(), "the 6th wrong key waits");
    assertTrue(
        db.tx(() -> throttle.admitSignUp("10.0.3.2")).isEmpty(), "another address may sign up");
    db.run(() -> throttle.signedUp("10.0.3.2"));
    assertTrue(db.tx(() -> throttle.admitSignUp("10.0.3.2")).isEmpty());
  }

  /** Before: the password was hashed (PBKDF2, ~87 ms) before the key was looked at. */
  @Test
  void theKeyIsCheckedBeforeThePasswordIsHashed() {
    java.util.concurrent.atomic.AtomicInteger hashed =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<String> hash =
        () -> {
          hashed.incrementAndGet();
          return Secrets.hashPassword("a-long-password");
        };
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> accounts.signUp(unique("nokey"), hash, "wrong", null)));
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> accounts.signUp(unique("nokey"), hash, null, "invite_forged")));
    Caller existing = user(unique("existing"));
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> accounts.signUp(existing.username(), hash, KEY, null)));
    assertEquals(0, hashed.get(), "no wrong request was worth a hash");
    db.run(() -> accounts.signUp(unique("haskey"), hash, KEY, null));
    assertEquals(1, hashed.get());
  }

  /** Before: an invitation worked any number of times until it expired. */
  @Test
  void anInvitationWorksAsOftenAsItSaysOnceByDefault() {
    Caller owner = teamOwner(unique("uses"));
    String once = db.tx(() -> teams.invite(owner, owner.teamId()));
    db.run(() -> accounts.signUp(unique("first"), "x", null, once));
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> accounts.signUp(unique("second"), "x", null, once)));
    Caller loner = user(unique("loner"));
    assertThrows(AccountException.class, () -> db.tx(() -> teams.join(loner, once)));
    assertFalse(
        db.tx(() -> teams.team(owner, owner.teamId())).invitations().get(0).isActive(), "used up");

    String twice = db.tx(() -> teams.invite(owner, owner.teamId(), 2));
    db.tx(() -> teams.join(loner, twice));
    db.run(() -> accounts.signUp(unique("third"), "x", null, twice));
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> accounts.signUp(unique("fourth"), "x", null, twice)));
    assertEquals(4, db.tx(() -> teams.team(owner, owner.teamId())).members().size());
    assertThrows(AccountException.class, () -> db.tx(() -> teams.invite(owner, owner.teamId(), 0)));
    assertThrows(
        AccountException.class, () -> db.tx(() -> teams.invite(owner, owner.teamId(), 101)));
  }

  /** Before: nobody could remove a member. */
  @Test
  void membersAreRemovedByTheirTeamOrAnAdminOnly() {
    Caller owner = teamOwner(unique("rm"));
    String code = db.tx(() -> teams.invite(owner, owner.teamId(), 3));
    String unwanted = unique("unwanted");
    String other = unique("other");
    db.run(() -> accounts.signUp(unwanted, "x", null, code));
    db.run(() -> accounts.signUp(other, "x", null, code));
    Caller outsider = teamOwner(unique("outsider"));
    assertThrows(
        AccessDenied.class,
        () -> db.run(() -> teams.removeMember(outsider, owner.teamId(), unwanted)));
    db.run(() -> teams.removeMember(owner, owner.teamId(), unwanted.toUpperCase()));
    assertNull(caller(unwanted).teamId());
    assertThrows(
        AccountException.class,
        () -> db.run(() -> teams.removeMember(owner, owner.teamId(), unwanted)));

    Caller admin = admin(unique("rmadmin"));
    db.run(() -> teams.removeMember(admin, owner.teamId(), other));
    assertNull(caller(other).teamId());
    assertEquals(
        List.of(owner.username()), db.tx(() -> teams.team(owner, owner.teamId())).members());
  }

  /** Before: an admin could neither disable a user nor set their password. */
  @Test
  void anAdminDisablesUsersAndSetsPasswords() {
    Caller admin = admin(unique("boss"));
    Caller user = user(unique("student"));
    Caller plain = user(unique("plain"));
    assertThrows(
        AccessDenied.class, () -> db.run(() -> accounts.setDisabled(plain, user.username(), true)));
    assertThrows(
        AccessDenied.class, () -> db.run(() -> accounts.setPassword(plain, user.username(), "x")));

    db.run(() -> accounts.setDisabled(admin, user.username(), true));
    assertTrue(db.tx(() -> accounts.credentials(user.username())).isEmpty(), "no sign-in");
    assertTrue(db.tx(() -> accounts.caller(user.username())).isEmpty(), "a signed-in session ends");
    assertTrue(
        db.tx(() -> accounts.users(admin)).stream()
            .anyMatch(u -> u.id() == user.userId() && u.disabled()));
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> accounts.signUp(user.username(), "x", KEY, null)),
        "the name stays taken");
    assertThrows(
        AccountException.class,
        () -> db.run(() -> accounts.setDisabled(admin, admin.username(), true)));
    db.run(() -> accounts.setDisabled(admin, user.username(), false));
    assertTrue(db.tx(() -> accounts.caller(user.username())).isPresent());

    db.run(
        () -> accounts.setPassword(admin, user.username(), Secrets.hashPassword("a-new-password")));
    assertTrue(
        Secrets.verifyPassword(
            "a-new-password",
            db.tx(() -> accounts.credentials(user.username())).orElseThrow().passwordHash()));
    assertThrows(
        AccountException.class,
        () -> db.run(() -> accounts.setPassword(admin, "nobody-" + names, "x")));
  }

  Caller admin(String name) {
    Caller u = user(name);
    db.run(
        () ->
            db.em
                .createNativeQuery("update users set role = 'ADMIN' where id = ?1")
                .setParameter(1, u.userId())
                .executeUpdate());
    return caller(name);
  }
}
