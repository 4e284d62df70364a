package dev.parley.server.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scalar keys of a profile, each with its one parser, so that a value is judged the same whether it
 * is written under {@code profiles:} or as a route param.
 */
enum ProfileField {

    RATE("rate", false) {
        @Override
        void apply(ProfileBuilder b, String value) {
            int hz = Values.integer(value, 1, Integer.MAX_VALUE);
            if (hz != 8000 && hz != 16000 && hz != 48000) {
                throw new IllegalArgumentException("must be 8000, 16000 or 48000, got " + hz);
            }
            b.rateHz = hz;
        }
    },
    INTERVAL("interval", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            int ms = Values.integer(value, 1, Integer.MAX_VALUE);
            if (ms != 10 && ms != 20 && ms != 30) {
                throw new IllegalArgumentException("must be 10, 20 or 30 (ms), got " + ms);
            }
            b.intervalMs = ms;
        }
    },
    ENERGY_LEVEL("energy-level", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.energyLevel = Values.integer(value, 0, 32767);
        }
    },
    MAX_MEMBERS("max-members", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.maxMembers = Values.integer(value, 0, Integer.MAX_VALUE);
        }
    },
    LONELY("lonely", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.lonely = Values.bool(value);
        }
    },
    LONELY_GRACE("lonely-grace", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.lonelyGrace = Values.duration(value, Duration.ZERO, Duration.ofHours(24));
        }
    },
    COMFORT_NOISE("comfort-noise", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.comfortNoiseLevel = switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> ProfileField.COMFORT_NOISE_ON;
                case "false", "no", "off" -> 0;
                default -> {
                    if (!value.strip().matches("[+-]?\\d+")) {
                        throw new IllegalArgumentException(
                                "expected true, false or a level 0..10000, got '" + value + "'");
                    }
                    yield Values.integer(value, 0, 10000);
                }
            };
        }
    },
    COMFORT_NOISE_SEND("comfort-noise-send", false) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.comfortNoiseSend = Values.bool(value);
        }
    },
    PIN("pin", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.pin = ProfileField.pin(value);
        }
    },
    MODERATOR_PIN("moderator-pin", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.moderatorPin = ProfileField.pin(value);
        }
    },
    PIN_TRIES("pin-tries", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.pinTries = Values.integer(value, 1, 10);
        }
    },
    FLAGS("flags", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.flags = MemberFlag.parseList(value);
        }
    },
    CONTROLS("controls", false) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.controls = ProfileField.groupName(value);
        }
    },
    MODERATOR_CONTROLS("moderator-controls", false) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.moderatorControls = ProfileField.groupName(value);
        }
    },
    DIGIT_TIMEOUT("digit-timeout", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.digitTimeout = Values.duration(value, Duration.ofMillis(100), Duration.ofSeconds(10));
        }
    },
    ANNOUNCE_COUNT("announce-count", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.announceCount = Values.bool(value);
        }
    },
    END_WITH_MODERATOR("end-with-moderator", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.endWithModerator = Values.bool(value);
        }
    },
    AUTO_DIAL("auto-dial", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.autoDial = DialStrings.parseList(value);
        }
    },
    INVITE_POLICY("invite-policy", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.invitePolicy = InvitePolicy.byKey(value);
        }
    },
    EXTERNAL("external", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            java.util.List<String> one = DialStrings.parseList(value);
            if (one.size() > 1) throw new IllegalArgumentException("one dial string, got " + one.size());
            b.external = one.isEmpty() ? null : one.getFirst();
        }
    },
    EXTERNAL_DIGITS("external-digits", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            String v = value.strip();
            if (!v.matches("[0-9*#A-Da-dwW,]{0,64}")) {
                throw new IllegalArgumentException("digits are 0-9 * # A-D, with w or , for a 0.5 s pause and W for 1 s");
            }
            b.externalDigits = v;
        }
    },
    BILLING("billing", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.billing = Values.bool(value);
        }
    },
    RECORD("record", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            // "moderator": Yate's "record when the organiser joins", for moderators by flag or PIN.
            boolean moderator = value.strip().equalsIgnoreCase("moderator");
            b.record = !moderator && ProfileField.boolOr(value, "true, false or moderator");
            b.recordOnModerator = moderator;
        }
    },
    RECORD_PATH("record-path", false) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.recordPath = ProfileField.recordPath(value);
        }
    },
    RECORD_WARNING("record-warning", false) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.recordWarning = Values.bool(value);
        }
    },
    SRTP("srtp", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.srtp = SrtpMode.parse(value);
        }
    },
    RECORD_FORMAT("record-format", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (!v.equals("wav") && !v.equals("opus")) {
                throw new IllegalArgumentException("must be wav or opus, got '" + value.strip() + "'");
            }
            b.recordFormat = v;
        }
    },
    MAX_DURATION("max-duration", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.maxDuration = Values.duration(value, Duration.ZERO, Duration.ofDays(7));
        }
    },
    WARN_BEFORE("warn-before", true) {
        @Override
        void apply(ProfileBuilder b, String value) {
            b.warnBefore = Values.duration(value, Duration.ZERO, Duration.ofDays(7));
        }
    };

    /** The level {@code comfort-noise: true} stands for: FreeSWITCH's default. */
    static final int COMFORT_NOISE_ON = 1400;

    /** Keys a route may override, in documentation order. */
    static final List<String> ROUTE_PARAMS =
            Arrays.stream(values()).filter(f -> f.routeParam).map(ProfileField::key).toList();

    private final String key;
    private final boolean routeParam;

    ProfileField(String key, boolean routeParam) {
        this.key = key;
        this.routeParam = routeParam;
    }

    String key() {
        return key;
    }

    /** Parses and stores the value; throws {@link IllegalArgumentException} with a user-facing message. */
    abstract void apply(ProfileBuilder b, String value);

    /** A PIN is 1 to 16 digits; {@code none} or an empty value means no PIN ({@code null}). */
    static String pin(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("none")) return null;
        if (!v.matches("\\d{1,16}")) {
            throw new IllegalArgumentException("a PIN is 1 to 16 digits (or none), got '" + v + "'");
        }
        return v;
    }

    /**
     * A recording path template: a relative or absolute file name ending in .wav or .opus (the extension
     * is then set by {@code record-format}).
     */
    static String recordPath(String value) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".wav") && !lower.endsWith(".opus")) {
            throw new IllegalArgumentException("the path must end in .wav or .opus, got '" + v + "'");
        }
        try {
            RecordPathTemplate.check(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in '" + v + "'");
        }
        return v;
    }

    static boolean boolOr(String value, String expected) {
        try {
            return Values.bool(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected " + expected + ", got '" + value.strip() + "'");
        }
    }

    /** A control group name, or {@code null} for none. Whether it exists is checked by the reader. */
    static String groupName(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("none")) return null;
        if (!v.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a control group name is 1 to 64 letters, digits, _ or -, got '" + v + "'");
        }
        return v;
    }

    static ProfileField byKey(String key) {
        for (ProfileField f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
