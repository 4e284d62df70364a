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
            if (hz == 16000 || hz == 48000) {
                throw new IllegalArgumentException(hz + " is reserved: wideband comes with G.722/Opus; only 8000 for now");
            }
            if (hz != 8000) {
                throw new IllegalArgumentException("must be 8000, got " + hz);
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

    static ProfileField byKey(String key) {
        for (ProfileField f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
