# kehu_raw_chunks(TEXT OUT): TEXT as C++ raw string literals of at most 8,000 bytes each
# (compilers limit the length of one literal), concatenated by the compiler.
function(kehu_raw_chunks text out)
  string(LENGTH "${text}" len)
  set(chunks "")
  set(pos 0)
  while(pos LESS len)
    string(SUBSTRING "${text}" ${pos} 8000 chunk)
    string(APPEND chunks "R\"KEHU_EMBED(${chunk})KEHU_EMBED\"\n")
    math(EXPR pos "${pos} + 8000")
  endwhile()
  set(${out} "${chunks}" PARENT_SCOPE)
endfunction()
