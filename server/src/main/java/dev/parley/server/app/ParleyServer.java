package dev.parley.server.app;

import dev.parley.media.engine.MediaEngine;
import dev.parley.server.api.ApiServer;
import dev.parley.server.api.ApiToken;
import dev.parley.server.api.Webhooks;
import dev.parley.media.engine.MediaEngineConfig;
import dev.parley.server.call.ActiveCalls;
import dev.parley.server.call.ApiCallControl;
import dev.parley.server.call.CallSession;
import dev.parley.server.call.InviteHandler;
import dev.parley.server.call.AnnouncementFiles;
import dev.parley.server.call.PromptLibrary;
import dev.parley.server.call.RoomProfiles;
import dev.parley.server.call.AutoDial;
import dev.parley.server.call.Dialer;
import dev.parley.server.call.ExternalParticipant;
import dev.parley.server.call.PinLockout;
import dev.parley.server.call.ScheduledConferences;
import dev.parley.server.call.DialString;
import dev.parley.server.call.SipPolicies;
import dev.parley.server.call.TrunkRegistrations;
import dev.parley.server.conference.ConferenceEvents;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.config.ProfileConfig;
import dev.parley.server.config.ServerConfig;
import dev.parley.server.routing.Router;
import dev.parley.server.store.BillingRecords;
import dev.parley.server.store.BillingWriter;
import dev.parley.server.store.CrashRecovery;
import dev.parley.server.store.Database;
import dev.parley.server.store.ScheduleStore;
import dev.parley.server.schedule.ScheduleBook;
import dev.parley.server.schedule.ScheduleTimer;
import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServer;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running server: media engine, conference, SIP, the API. Start and stop; nothing else. */
public final class ParleyServer {
  private static final Logger log = LoggerFactory.getLogger(ParleyServer.class);

  private final MediaEngine media;
  private final SipServer sip;
  private final ActiveCalls calls;
  private final ScheduledExecutorService timers;
  private final ApiServer api;
  private final Webhooks webhooks;
  private final ConferenceEvents events;
  private final Database db;
  private final BillingWriter billing;
  private final ScheduleTimer scheduleTimer;

  /** How often open billing records are marked as seen: after a crash they end at most this early. */
  static final Duration HEARTBEAT = Duration.ofSeconds(10);

  private ParleyServer(MediaEngine media, SipServer sip, ActiveCalls calls, ScheduledExecutorService timers,
      ApiServer api, Webhooks webhooks, ConferenceEvents events, Database db, BillingWriter billing,
      ScheduleTimer scheduleTimer) {
    this.media = media;
    this.sip = sip;
    this.calls = calls;
    this.timers = timers;
    this.api = api;
    this.webhooks = webhooks;
    this.events = events;
    this.db = db;
    this.billing = billing;
    this.scheduleTimer = scheduleTimer;
  }

  /** Raised when the server cannot start (port in use, unreadable prompt...). */
  public static final class StartException extends Exception {
    StartException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static ParleyServer start(ServerConfig c) throws StartException {
    Database db;
    try {
      db = Database.open(c.storage(), System.getenv());
      // Before any call: every record still open belongs to a run that died without stopping.
      CrashRecovery.Closed closed = CrashRecovery.run(db, 8000);
      if (closed.members() + closed.rooms() + closed.recordings() > 0) {
        log.info("closed what the last run left open: {} member records, {} rooms, {} recordings (SERVER_STOPPED)",
            closed.members(), closed.rooms(), closed.recordings());
      }
    } catch (Database.StoreException e) {
      throw new StartException("storage: " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StartException("storage: closing the last run's records: " + e.getMessage(), e);
    }
    try {
      return start(c, db);
    } catch (StartException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static ParleyServer start(ServerConfig c, Database db) throws StartException {
    var m = c.media();
    MediaEngine engine;
    try {
      engine = new MediaEngine(new MediaEngineConfig(m.address(), m.rtpPortMin(), m.rtpPortMax(), m.workers(), m.rtpTimeout(),
          m.realtimePriority()));
    } catch (IOException e) {
      throw new StartException("media engine: " + e.getMessage(), e);
    }
    long warmStart = System.nanoTime();
    dev.parley.media.engine.CodecWarmUp.run();
    log.info("codecs warmed up in {} ms", (System.nanoTime() - warmStart) / 1_000_000);
    ScheduledExecutorService timers =
        Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("parley-timers").daemon(true).factory());
    AnnouncementFiles announcements;
    try {
      announcements = new AnnouncementFiles(c.announcementsDir()).createDirectory();
    } catch (IOException e) {
      engine.close();
      throw new StartException("media.announcements: cannot create " + c.announcementsDir() + ": " + e.getMessage(), e);
    }
    PromptLibrary prompts = new PromptLibrary(announcements);
    RoomProfiles profiles = new RoomProfiles(prompts, c.controls(), c.storage().dataDir());
    try {
      // Load every profile's sounds now: a missing or broken WAV must stop start-up, not a call.
      for (ProfileConfig p : c.profiles().values()) profiles.forConfig(p);
    } catch (RuntimeException e) {
      engine.close();
      throw new StartException(e.getMessage(), e);
    }
    ConferenceEvents events = new ConferenceEvents();
    BillingWriter billing = new BillingWriter(db, Clock.systemUTC(), HEARTBEAT).start();
    events.subscribe(billing);
    Conference conference = new Conference(engine, Clock.systemUTC(), timers, events);
    ActiveCalls calls = new ActiveCalls();
    Dialer dialer = new Dialer(conference, c.extensions(), c.gateways(), m.address());
    events.subscribe(new AutoDial(conference, dialer));
    events.subscribe(new ExternalParticipant(conference, dialer));
    Router router = new Router(c);
    InviteHandler invites = new InviteHandler(router, profiles, conference, calls, m.address(), PinLockout.defaults(), dialer, c);
    ScheduleBook schedules;
    try {
      schedules = new ScheduleBook(new ScheduleStore(db, Clock.systemUTC()), Clock.systemUTC(), DialString::parse);
    } catch (RuntimeException e) {
      engine.close();
      billing.close();
      throw new StartException("storage: " + e.getMessage(), e);
    }
    ScheduledConferences scheduled = new ScheduledConferences(conference, dialer, schedules,
        room -> profiles.forConfig(router.resolve(room).filter(t -> t.room().equals(room)).map(t -> t.profile())
            .orElse(c.profiles().get("default"))),
        prompts, Clock.systemUTC());
    invites.scheduledBy(scheduled);
    var s = c.sip();
    SipServer sip;
    try {
      sip = SipServer.start(new SipConfig(s.address(), s.port(), s.udp(), s.tcp(), "Parley",
          TlsCertificates.forSip(s, c.storage().dataDir())), invites, SipPolicies.from(c));
    } catch (Exception e) {
      engine.close();
      billing.close();
      throw new StartException("SIP: " + e.getMessage(), e);
    }
    dialer.attach(sip);
    // After SIP: the first thing a schedule that is due does is dial.
    ScheduleTimer scheduleTimer = new ScheduleTimer(schedules, scheduled, Clock.systemUTC()).start();
    log.info("{} schedules", schedules.all().size());
    TrunkRegistrations.start(sip, c.gateways().values());
    Webhooks webhooks = new Webhooks(c.api().webhooks(), Clock.systemUTC());
    events.subscribe(webhooks);
    ApiServer api = null;
    if (c.api().enabled()) {
      try {
        ApiToken token = ApiToken.resolve(System.getenv(ApiToken.ENVIRONMENT_VARIABLE), c.api().dataDir(), System.out::println);
        api = ApiServer.start(c.api(), token, conference, new ServerSounds(prompts, announcements), calls::size,
            new ApiCallControl(conference, invites, dialer, profiles, c.profiles()), new BillingRecords(db), engine.tickStats(),
            schedules);
      } catch (IOException | RuntimeException e) {
        scheduleTimer.close();
        webhooks.close();
        sip.close();
        engine.close();
        throw new StartException("API on " + c.api().address() + ":" + c.api().port() + ": " + e.getMessage(), e);
      }
    }
    log.info(
        "Parley ready: SIP {}{} on {}:{}{}, RTP {}-{}, {} routes, database {} (config: {})",
        s.udp() ? "udp" : "",
        s.tcp() ? (s.udp() ? "+tcp" : "tcp") : "",
        s.address(),
        s.port(),
        s.tls() ? ", tls on " + s.tlsPort() : "",
        m.rtpPortMin(),
        m.rtpPortMax(),
        c.routes().size(),
        c.storage().sqlite() ? c.storage().jdbcUrl() : "PostgreSQL",
        c.source());
    return new ParleyServer(engine, sip, calls, timers, api, webhooks, events, db, billing, scheduleTimer);
  }

  /** Ends every call with BYE, waits briefly for the BYEs to go out, then stops SIP and media. */
  public void stop() {
    log.info("stopping: ending {} calls", calls.size());
    scheduleTimer.close();
    for (CallSession call : calls.snapshot()) call.hangup(LeaveReason.SERVER_STOPPED);
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (calls.size() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        break;
      }
    }
    try {
      // Let the BYE transactions get their first transmission out before the stack goes away.
      Thread.sleep(300);
    } catch (InterruptedException ignored) {
      Thread.currentThread().interrupt();
    }
    // After the hang-ups, so the event stream and webhooks still carry the members leaving.
    if (api != null) api.close();
    webhooks.close();
    sip.close();
    media.close();
    timers.shutdownNow();
    // The leave events of the calls just ended reach the billing writer before it writes its last.
    events.awaitDelivered(Duration.ofSeconds(2));
    billing.close();
    db.close();
    log.info("stopped");
  }
}
