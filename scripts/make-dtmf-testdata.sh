#!/usr/bin/env bash
# Generates the DTMF test data of the media module into media/src/test/resources/dtmf/ as 8000 Hz,
# mono, 16-bit signed PCM WAV, the rate the in-band detector runs at.
#
#   scripts/make-dtmf-testdata.sh    regenerate (needs sox and espeak-ng)
#
# The files are committed; run this only to change them. sox runs with -R (repeatable dither), so the
# output is byte-for-byte repeatable for a given sox and espeak-ng version (SoX 14.4.2, espeak-ng 1.51).
#
#   keys.wav               the 16 keys 1 2 3 A 4 5 6 B 7 8 9 C * 0 # D, each 80 ms of its two Q.23
#                          tones (summed peak -4 dBFS, about -10 dBFS per tone) then 80 ms silence
#   talkoff-sentences.wav  en-us male speech, 150 words/min: must not trigger a single digit
#   talkoff-numbers.wav    en-gb female voice reading digits and a phone number (the classic
#                          talk-off case: the speaker says the keys instead of pressing them)
#   talkoff-fast.wav       en-us, higher pitch (+f3 variant), 190 words/min
# Speech is band-limited to 100-3400 Hz and normalised to a peak of -3 dBFS, like the server prompts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/media/src/test/resources/dtmf"
FMT=(-r 8000 -c 1 -b 16 -e signed-integer)
for tool in sox espeak-ng; do
  command -v "$tool" >/dev/null || { echo "make-dtmf-testdata: $tool is missing" >&2; exit 1; }
done
mkdir -p "$OUT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
sox() { command sox -R "$@"; }

declare -A ROW=([1]=697 [2]=697 [3]=697 [A]=697 [4]=770 [5]=770 [6]=770 [B]=770
                [7]=852 [8]=852 [9]=852 [C]=852 ['*']=941 [0]=941 ['#']=941 [D]=941)
declare -A COL=([1]=1209 [2]=1336 [3]=1477 [A]=1633 [4]=1209 [5]=1336 [6]=1477 [B]=1633
                [7]=1209 [8]=1336 [9]=1477 [C]=1633 ['*']=1209 [0]=1336 ['#']=1477 [D]=1633)
parts=()
i=0
for key in 1 2 3 A 4 5 6 B 7 8 9 C '*' 0 '#' D; do
  i=$((i + 1))
  sox -n "${FMT[@]}" "$TMP/k$(printf %02d $i).wav" synth 0.08 sine "${ROW[$key]}" synth 0.08 sine mix "${COL[$key]}" \
    gain -n -4 pad 0 0.08
  parts+=("$TMP/k$(printf %02d $i).wav")
done
sox "${parts[@]}" "${FMT[@]}" "$OUT/keys.wav"

# speak OUT VOICE SPEED TEXT
speak() {
  espeak-ng -v "$2" -s "$3" -w "$TMP/s.wav" "$4"
  sox "$TMP/s.wav" "${FMT[@]}" "$1" gain -n -6 highpass 100 lowpass 3400 gain -n -3
}
speak "$OUT/talkoff-sentences.wav" en-us 150 \
  "Welcome to the weekly planning call. Before we start, could everyone please mute their line \
unless they are speaking? The quarterly numbers look good, and the team shipped the release on time."
speak "$OUT/talkoff-numbers.wav" en-gb+f2 150 \
  "One, two, three, four, five, six, seven, eight, nine, zero. Star. Pound. Hash. \
Please call me back on five five five, one two one two, extension four four seven."
speak "$OUT/talkoff-fast.wav" en-us+f3 190 \
  "Oh, wow, really? Yes! Yes, absolutely, I think that is a great idea. Hmm, hello? Hello? Can you hear me now?"

for f in "$OUT"/*.wav; do
  printf '%-24s %6.2f s %7d bytes\n' "$(basename "$f")" "$(soxi -D "$f")" "$(stat -c %s "$f")"
done
