-- Reference data: the default rating scale (labels in en, ar, fr). Not demo data.
INSERT INTO rating_scales (id, name, active) VALUES ('default', 'Default', 1);
INSERT INTO ratings (scale_id, key, value, color, position, labels) VALUES
  ('default', 'true', 5, '#1a7f37', 1, '{"en":"True","ar":"صحيح","fr":"Vrai"}'),
  ('default', 'mostly-true', 4, '#4d8f29', 2, '{"en":"Mostly true","ar":"صحيح في معظمه","fr":"Plutôt vrai"}'),
  ('default', 'mixed', 3, '#9a6700', 3, '{"en":"Mixed","ar":"مختلط","fr":"Mitigé"}'),
  ('default', 'mostly-false', 2, '#bc4c00', 4, '{"en":"Mostly false","ar":"خاطئ في معظمه","fr":"Plutôt faux"}'),
  ('default', 'false', 1, '#cf222e', 5, '{"en":"False","ar":"خاطئ","fr":"Faux"}'),
  ('default', 'misleading', NULL, '#8250df', 6, '{"en":"Misleading","ar":"مضلل","fr":"Trompeur"}'),
  ('default', 'unproven', NULL, '#57606a', 7, '{"en":"Unproven","ar":"غير مثبت","fr":"Non prouvé"}');
