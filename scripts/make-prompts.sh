#!/usr/bin/env bash
# Generates Parley's built-in prompts into server/src/main/resources/prompts/ as 8000 Hz, mono,
# 16-bit signed PCM WAV (the server's native G.711 rate, so nothing is resampled at run time).
#
#   scripts/make-prompts.sh            regenerate all prompts (needs espeak-ng and sox)
#   scripts/make-prompts.sh --check    only print duration and size of the existing files
#
# The files are committed; run this only to change them. Output is byte-for-byte repeatable for a
# given espeak-ng and sox version (sox runs with -R, which seeds its dither; espeak-ng 1.51 and
# SoX 14.4.2 made the committed files).
#
# Sounds (every file starts and ends at zero amplitude, so none clicks when started or looped):
#   enter.wav    rising two-note chime  D5 587.33 Hz -> A5 880 Hz, about 0.45 s, peak -12 dBFS
#   exit.wav     falling two-note chime A5 880 Hz -> D5 587.33 Hz, about 0.45 s, peak -12 dBFS
#   music.wav    hold music: an arpeggio of exactly three sine notes, 8.000 s, loops seamlessly,
#                peak -18 dBFS. Fundamentals (the integration tests find the music by Goertzel
#                at these frequencies; keep dev.parley.server.it.Prompts.MUSIC_HZ in step):
#                    C5 = 523.25 Hz    E5 = 659.25 Hz    G5 = 783.99 Hz
#                The chimes avoid these frequencies on purpose (587/880 Hz), and the speech
#                prompts carry no steady tone, so a test can tell music from speech.
#   alone.wav    "You are the only person in this conference."
#   muted.wav    "You are muted."
#   unmuted.wav  "You are unmuted."
#   kicked.wav   "You have been removed from the conference."
#   pin.wav      "Please enter the conference PIN, followed by the pound key."
#   bad-pin.wav  "That PIN is not valid."
#   enter-number.wav "Please enter the number to invite, followed by the pound key."
#   trying.wav   "We are trying to get through."
#   not-scheduled.wav "There is no conference scheduled for you." (a scheduled room refuses a caller)
#   ends-soon.wav     "This conference will end in a few minutes." (a schedule's warning when the
#                     spoken one below cannot be loaded)
#   ends-in.wav       "This conference ends in" (then a number and numbers/minutes: the warning before
#                     a room's end, composed by dev.parley.server.call.EndingWarning)
#   record-name.wav "Please say your name." (before a joiner of an ad-hoc room records its name)
#   has-joined.wav  "has joined the conference." (after the recorded name)
#   numbers/     the member count: there-are.wav "There are", people.wav "people in this conference",
#                0.wav .. 19.wav, 20.wav .. 90.wav (tens), hundred.wav; the ending warning's units
#                minute.wav, minutes.wav, second.wav, seconds.wav
# Speech: espeak-ng voice en-us, 150 words/min, band-limited to 100-3400 Hz, leading and trailing
# silence trimmed to 0.1 s / 0.2 s, normalised to a peak of -3 dBFS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/server/src/main/resources/prompts"
FMT=(-r 8000 -c 1 -b 16 -e signed-integer)

check() {
  local total=0 f
  for f in "$OUT"/*.wav "$OUT"/numbers/*.wav; do
    printf '%-12s %6.2f s %7d bytes\n' "$(basename "$f")" "$(soxi -D "$f")" "$(stat -c %s "$f")"
    total=$((total + $(stat -c %s "$f")))
  done
  echo "total $total bytes"
}
if [ "${1:-}" = "--check" ]; then check; exit 0; fi

for tool in sox espeak-ng; do
  command -v "$tool" >/dev/null || { echo "make-prompts: $tool is missing (scripts/install-test-deps.sh installs it)" >&2; exit 1; }
done
mkdir -p "$OUT"
TMP="$(mktemp -d)"
sox() { command sox -R "$@"; }   # -R: repeatable output (fixed dither seed)
trap 'rm -rf "$TMP"' EXIT

# note FILE FREQ SECONDS: a sine with a 10 ms attack and a decay over the rest of the note.
note() {
  sox -n "${FMT[@]}" "$1" synth "$3" sine "$2" fade q 0.01 "$3" "$(awk -v l="$3" 'BEGIN { print l * 0.8 }')"
}

# chime OUT FREQ1 FREQ2: two notes of 0.2 s, the second a little longer, peak -12 dBFS.
chime() {
  note "$TMP/c1.wav" "$2" 0.20
  note "$TMP/c2.wav" "$3" 0.25
  sox "$TMP/c1.wav" "$TMP/c2.wav" "${FMT[@]}" "$1" gain -n -12
}
chime "$OUT/enter.wav" 587.33 880
chime "$OUT/exit.wav" 880 587.33

# Music: 8 bars of 1 s. Each bar is a rhythm over C5/E5/G5; the whole is exactly 8.000 s.
C=523.25; E=659.25; G=783.99
MELODY=(
  "$C 0.25" "$E 0.25" "$G 0.5"
  "$E 0.25" "$C 0.25" "$G 0.5"
  "$C 0.25" "$E 0.25" "$G 0.25" "$E 0.25"
  "$C 1.0"
  "$E 0.25" "$G 0.25" "$C 0.5"
  "$G 0.25" "$E 0.25" "$C 0.5"
  "$E 0.25" "$G 0.25" "$E 0.25" "$C 0.25"
  "$G 0.5" "$E 0.25" "$C 0.25"
)
parts=()
i=0
for n in "${MELODY[@]}"; do
  read -r freq len <<<"$n"
  i=$((i + 1))
  note "$TMP/m$(printf %02d $i).wav" "$freq" "$len"
  parts+=("$TMP/m$(printf %02d $i).wav")
done
sox "${parts[@]}" "${FMT[@]}" "$OUT/music.wav" gain -n -18

# speak OUT TEXT
speak() {
  espeak-ng -v en-us -s 150 -w "$TMP/s.wav" "$2"
  sox "$TMP/s.wav" "${FMT[@]}" "$1" \
    highpass 100 lowpass 3400 \
    silence 1 0.02 0.2% reverse silence 1 0.02 0.2% reverse \
    pad 0.1 0.2 gain -n -3
}
speak "$OUT/alone.wav"   "You are the only person in this conference."
speak "$OUT/muted.wav"   "You are muted."
speak "$OUT/unmuted.wav" "You are unmuted."
speak "$OUT/kicked.wav"  "You have been removed from the conference."
speak "$OUT/pin.wav"     "Please enter the conference PIN, followed by the pound key."
speak "$OUT/bad-pin.wav" "That PIN is not valid."
speak "$OUT/enter-number.wav" "Please enter the number to invite, followed by the pound key."
speak "$OUT/trying.wav"  "We are trying to get through."
speak "$OUT/not-scheduled.wav" "There is no conference scheduled for you."
speak "$OUT/ends-soon.wav"     "This conference will end in a few minutes."
speak "$OUT/ends-in.wav"       "This conference ends in"
speak "$OUT/record-name.wav" "Please say your name."
speak "$OUT/has-joined.wav"  "has joined the conference."

mkdir -p "$OUT/numbers"
speak "$OUT/numbers/there-are.wav" "There are"
speak "$OUT/numbers/people.wav"    "people in this conference."
speak "$OUT/numbers/hundred.wav"   "hundred"
speak "$OUT/numbers/minute.wav"    "minute."
speak "$OUT/numbers/minutes.wav"   "minutes."
speak "$OUT/numbers/second.wav"    "second."
speak "$OUT/numbers/seconds.wav"   "seconds."
WORDS=(zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
       sixteen seventeen eighteen nineteen)
for n in "${!WORDS[@]}"; do speak "$OUT/numbers/$n.wav" "${WORDS[$n]}"; done
TENS=([2]=twenty [3]=thirty [4]=forty [5]=fifty [6]=sixty [7]=seventy [8]=eighty [9]=ninety)
for n in "${!TENS[@]}"; do speak "$OUT/numbers/${n}0.wav" "${TENS[$n]}"; done

check
