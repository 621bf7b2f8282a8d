-- The 11 kommuner and Region Nordjylland with Danmarks Statistik's area codes, the population
-- 2020K1 (Statistikbanken FOLK1A), the units that hold seats, and the standing committees.

insert into organisation (name, short_name, kind, area_code) values
  ('Aalborg Kommune', 'Aalborg', 'municipality', '851'),
  ('Brønderslev Kommune', 'Brønderslev', 'municipality', '810'),
  ('Frederikshavn Kommune', 'Frederikshavn', 'municipality', '813'),
  ('Hjørring Kommune', 'Hjørring', 'municipality', '860'),
  ('Jammerbugt Kommune', 'Jammerbugt', 'municipality', '849'),
  ('Læsø Kommune', 'Læsø', 'municipality', '825'),
  ('Mariagerfjord Kommune', 'Mariagerfjord', 'municipality', '846'),
  ('Morsø Kommune', 'Morsø', 'municipality', '773'),
  ('Rebild Kommune', 'Rebild', 'municipality', '840'),
  ('Thisted Kommune', 'Thisted', 'municipality', '787'),
  ('Vesthimmerland Kommune', 'Vesthimmerland', 'municipality', '820'),
  ('Region Nordjylland', 'Regionen', 'region', '081');

insert into organisation (name, short_name, kind, parent_id)
select v.name, v.short_name, 'unit', o.id
from (values
  ('Aalborg Kommune, Ældre- og Handicapforvaltningen', 'Aalborg ÆH', '851'),
  ('Aalborg Kommune, Familie- og Beskæftigelsesforvaltningen', 'Aalborg FB', '851'),
  ('Region Nordjylland, Specialsektoren', 'Specialsektoren', '081')
) as v (name, short_name, parent_code)
join organisation o on o.area_code = v.parent_code;

insert into population (organisation_id, period, count)
select o.id, '2020K1', v.count
from (values
  ('851', 217075), ('810', 36304), ('813', 59654), ('860', 64483), ('849', 38324), ('825', 1786),
  ('846', 41800), ('773', 20247), ('840', 30113), ('787', 43423), ('820', 36727)
) as v (code, count)
join organisation o on o.area_code = v.code;

insert into committee (short_name, name, kind, description, default_start, default_end, default_place) values
  ('KKR', 'KKR Nordjylland', 'council', 'Kommunernes politiske kontaktråd; godkender socialaftalen politisk.', null, null, null),
  ('KDK', 'Kommunaldirektørkredsen', 'circle', 'Kredsen af kommunaldirektører i de nordjyske kommuner.', null, null, null),
  ('DAS', 'Den Administrative Styregruppe', 'steering', 'Socialdirektørerne i de 11 kommuner og regionen. Det centrale beslutningsorgan.', '13:00', '16:00', 'Aalborg'),
  ('FU', 'Forretningsudvalget', 'executive', 'DAS'' forretningsudvalg; forbereder sager til DAS og kan få delegeret beslutninger.', null, null, null),
  ('SUG', 'Socialudviklingsgruppen', 'follow-group', 'Permanent følgegruppe (før 2021: Udviklingsstrategigruppen).', null, null, null),
  ('SAG', 'Styringsaftalegruppen', 'follow-group', 'Permanent følgegruppe for styringsaftalen, takster og data.', null, null, null),
  ('EP', 'Ekspertpanelet', 'follow-group', 'Permanent følgegruppe for det forstærkede samarbejde.', null, null, null),
  ('BP', 'Brugerpanelet', 'panel', 'Borgere og brugerorganisationer.', null, null, null);

update committee set parent_id = (select id from committee where short_name = 'DAS')
where short_name in ('FU', 'SUG', 'SAG', 'EP', 'BP');
