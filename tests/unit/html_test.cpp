#include <catch2/catch.hpp>

#include "ingest/html.h"

using namespace cronaca;

TEST_CASE("the article is extracted without page furniture") {
  const std::string page = R"(<!DOCTYPE html>
<html lang="it"><head>
<meta charset="utf-8">
<title>Caos in Kazakistan - Il Quotidiano</title>
<meta property="og:title" content="Caos in Kazakistan: spari ad Almaty">
<meta property="article:published_time" content="2022-01-06T09:30:00+01:00">
<style>p { color: red }</style>
<script>document.write("<p>not text</p>")</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/esteri">Esteri</a></nav></header>
<div class="share-buttons">Condividi su Facebook</div>
<article>
  <h1>Caos in Kazakistan</h1>
  <p>Una sparatoria si &egrave; verificata ad <b>Almaty</b>,
     la capitale finanziaria.</p>
  <figure><img src="x.jpg" alt="foto"><figcaption>Foto: agenzia</figcaption></figure>
  <p>Il presidente Tokayev ha chiesto aiuto&nbsp;alla Russia &#8212; e al Csto.<br>Fine.</p>
  <aside>Leggi anche: altro articolo</aside>
</article>
<footer>© 2022 Il Quotidiano</footer>
</body></html>)";
  const HtmlArticle article = extract_html(page);
  CHECK(article.title == "Caos in Kazakistan: spari ad Almaty");
  CHECK(article.date == "2022-01-06T09:30:00+01:00");
  CHECK(article.lang == "it");
  CHECK(article.text ==
        "Caos in Kazakistan\n\n"
        "Una sparatoria si è verificata ad Almaty, la capitale finanziaria.\n\n"
        "Il presidente Tokayev ha chiesto aiuto alla Russia — e al Csto.\nFine.");
}

TEST_CASE("titles and dates fall back through the page's other sources") {
  const HtmlArticle a = extract_html("<html><head><title>Solo titolo</title></head><body><p>Testo.</p>"
                                     "<time datetime=\"2021-12-31\">31 dicembre</time></body></html>");
  CHECK(a.title == "Solo titolo");
  CHECK(a.date == "2021-12-31");
  const HtmlArticle b = extract_html("<body><h1>Titolo  <i>h1</i></h1><p>x</p>"
                                     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": \"2020-05-01T08:00:00Z\"}</script></body>");
  CHECK(b.title == "Titolo h1");
  CHECK(b.date == "2020-05-01T08:00:00Z");
}

TEST_CASE("malformed and hostile markup never breaks extraction") {
  CHECK(extract_html("<p>unclosed <b>bold <i>italic").text == "unclosed bold italic");
  CHECK(extract_html("<p>a < b and c > d</p>").text == "a < b and c > d");
  CHECK(extract_html("<script>alert(1)").text.empty());
  CHECK(extract_html("<p>x<!-- never closed").text == "x");
  CHECK(extract_html("<p title=\"unterminated>text").text.empty());
  CHECK(extract_html("<p>&bogus; &amp &#xZZ; &#0;</p>").text == "&bogus; & &#xZZ; \xEF\xBF\xBD");
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "deep text";
  CHECK(extract_html(deep).text == "deep text");
  CHECK(extract_html("<div hidden>secret</div><div aria-hidden=\"true\">icon</div><p>visible</p>").text == "visible");
}

TEST_CASE("entities decode by name and by number, windows-1252 numbers included") {
  CHECK(decode_html_entities("l&rsquo;agenzia &laquo;Sputnik&raquo; &#8220;x&#x201D; &#146;") == "l’agenzia «Sputnik» “x” ’");
  CHECK(decode_html_entities("AT&T &copy 2022") == "AT&T © 2022");
}

TEST_CASE("the declared charset is found in either meta form") {
  CHECK(declared_html_charset("<html><head><meta charset=\"windows-1251\">") == "windows-1251");
  CHECK(declared_html_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">") == "iso-8859-1");
  CHECK(declared_html_charset("<p>no meta</p>").empty());
  CHECK(looks_like_html("  <!DOCTYPE html><html>"));
  CHECK(looks_like_html("<html lang=it>"));
  CHECK_FALSE(looks_like_html("Il <b>grassetto</b> in un testo"));
}
