#!/bin/sh
# Every command and long option of the binary (its hidden --list-words)
# appears in the man page and in the bash, zsh and fish completions, and
# the man pages lint clean.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
"$MEMSCOPE" --list-words >"$tmp/words" || exit 1
# man(7) escapes hyphens: \-\-root
sed 's/\\-/-/g' man/memscope.1 >"$tmp/man"
while read -r scope rest; do
	for w in $rest; do
		if [ "$scope" = commands ]; then
			pat="memscope $w\|^\.SS \"memscope \[\?$w"
			grep -q -e "$pat" "$tmp/man" && ok "man: command $w" ||
				not_ok "man: command $w"
			grep -q -w -e "$w" completions/memscope.bash &&
				ok "bash: command $w" || not_ok "bash: command $w"
			grep -q -e "'$w:" completions/_memscope &&
				ok "zsh: command $w" || not_ok "zsh: command $w"
			grep -q -e "-a $w " completions/memscope.fish &&
				ok "fish: command $w" || not_ok "fish: command $w"
			continue
		fi
		name=${w#--}
		grep -q -e "$w\b" "$tmp/man" && ok "man: $scope $w" ||
			not_ok "man: $scope $w"
		if [ "$scope" = global ]; then
			bash_pat="local global=\"[^\"]*$w\b"
			fish_pat="^complete -c memscope \(-s . \)\?-l $name\b"
			zsh_block=$(sed -n '/^global_opts=(/,/^)/p' completions/_memscope)
		else
			bash_pat="^[[:space:]]*$scope) opts=\"[^\"]*$w\b"
			fish_pat="__fish_seen_subcommand_from [^\"]*\b$scope\b.*-l $name\b"
			zsh_block=$(awk -v s="$scope" '$1 == s")" {p = 1} p {print} p && /;;/ {exit}' completions/_memscope)
		fi
		grep -q -e "$bash_pat" completions/memscope.bash &&
			ok "bash: $scope $w" || not_ok "bash: $scope $w"
		echo "$zsh_block" | grep -q -e "$w\b" &&
			ok "zsh: $scope $w" || not_ok "zsh: $scope $w"
		grep -q -e "$fish_pat" completions/memscope.fish &&
			ok "fish: $scope $w" || not_ok "fish: $scope $w"
	done
done <"$tmp/words"
for m in man/*.1; do
	check "mandoc -Tlint $m" mandoc -Tlint "$m"
done
done_testing
