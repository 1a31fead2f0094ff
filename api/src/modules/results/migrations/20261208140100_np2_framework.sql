-- NP-2's results framework: the program's five components and the expected outcome of each, as
-- the program text states them (National Program for Sub-National Democratic Development,
-- phase 2, 2021-2030: "NP-2 consists of five components and their expected outcomes"; copied
-- in the project's shared docs as np2-program.txt). The English text is the program's,
-- shortened to a title; the Khmer is the platform's translation with the glossary's terms, to
-- confirm with NCDD-S against the official Khmer text. Outputs, priority actions and
-- indicators are not in that text: the demo seed adds examples, labelled as such.

insert into results_framework (code, name_km, name_en, source, is_example) values
  ('np2',
   'កម្មវិធីជាតិសម្រាប់ការអភិវឌ្ឍតាមបែបប្រជាធិបតេយ្យនៅថ្នាក់ក្រោមជាតិ ដំណាក់កាលទី២ (២០២១-២០៣០)',
   'National Program for Sub-National Democratic Development, phase 2 (NP-2, 2021-2030)',
   'NP-2 (2021-2030), components and expected outcomes; Khmer: platform translation, to confirm with NCDD-S',
   false);

insert into results_framework_element (framework_code, code, parent_id, kind, position, name_km, name_en, source, is_example)
values
  ('np2', 'C1', null, 'component', 1,
   'សមាសភាគទី១៖ ភាពជាអ្នកដឹកនាំ និងការសម្របសម្រួលកំណែទម្រង់',
   'Component 1: Reform leadership and coordination',
   'NP-2 (2021-2030), Component 1', false),
  ('np2', 'C2', null, 'component', 2,
   'សមាសភាគទី២៖ រចនាសម្ព័ន្ធ និងប្រព័ន្ធរដ្ឋបាលថ្នាក់ក្រោមជាតិ',
   'Component 2: SNA administrative structures and systems',
   'NP-2 (2021-2030), Component 2', false),
  ('np2', 'C3', null, 'component', 3,
   'សមាសភាគទី៣៖ ការគ្រប់គ្រង និងការអភិវឌ្ឍធនធានមនុស្ស',
   'Component 3: Human resources management and development',
   'NP-2 (2021-2030), Component 3', false),
  ('np2', 'C4', null, 'component', 4,
   'សមាសភាគទី៤៖ វិមជ្ឈការសារពើពន្ធ និងប្រព័ន្ធផែនការ និងថវិការបស់រដ្ឋបាលថ្នាក់ក្រោមជាតិ',
   'Component 4: Fiscal decentralisation and SNA planning and budgeting systems',
   'NP-2 (2021-2030), Component 4', false),
  ('np2', 'C5', null, 'component', 5,
   'សមាសភាគទី៥៖ ការផ្ដល់សេវាសាធារណៈ និងការអភិវឌ្ឍមូលដ្ឋាន',
   'Component 5: Service delivery and local development',
   'NP-2 (2021-2030), Component 5', false);

insert into results_framework_element (framework_code, code, parent_id, kind, position, name_km, name_en, source, is_example)
select 'np2', o.code, c.id, 'outcome', 1, o.name_km, o.name_en, o.source, false
from (values
  ('C1', 'C1.O1',
   'យន្តការដឹកនាំ សម្របសម្រួល និងគាំទ្រនៅថ្នាក់ជាតិ និងថ្នាក់ក្រោមជាតិត្រូវបានពង្រឹង ហើយក្រសួង ស្ថាប័នជាម្ចាស់ និងអនុវត្តកំណែទម្រង់ប្រកបដោយប្រសិទ្ធភាព',
   'Leadership, coordination and support mechanisms at national and sub-national levels are strengthened; ministries and institutions own and implement the SNDD reform effectively and efficiently',
   'NP-2 (2021-2030), Component 1, expected outcome'),
  ('C2', 'C2.O1',
   'រចនាសម្ព័ន្ធ ប្រព័ន្ធ អំណាច និងមុខងាររបស់រដ្ឋបាលថ្នាក់ក្រោមជាតិត្រូវបានកំណត់ច្បាស់តាមថ្នាក់ និងប្រភេទ ហើយប្រព័ន្ធព័ត៌មានវិទ្យាត្រូវបានធ្វើសមាហរណកម្ម',
   'Structures, systems, powers and functions of SNAs are clearly defined by level and type, and information technology systems are integrated',
   'NP-2 (2021-2030), Component 2, expected outcome'),
  ('C3', 'C3.O1',
   'រដ្ឋបាលថ្នាក់ក្រោមជាតិជ្រើសរើស គ្រប់គ្រង និងចាត់តាំងបុគ្គលិកតាមបន្ទុកការងារ និងលទ្ធភាពហិរញ្ញវត្ថុ ហើយបុគ្គលិកទទួលបានការអភិវឌ្ឍសមត្ថភាពជាប្រព័ន្ធ',
   'SNAs recruit, manage and deploy staff according to workload and financial flexibility, and staff benefit from systematic professional development',
   'NP-2 (2021-2030), Component 3, expected outcome'),
  ('C4', 'C4.O1',
   'រដ្ឋបាលថ្នាក់ក្រោមជាតិទទួលបានធនធានថវិកាគ្រប់គ្រាន់ និងអាចព្យាករបាន ស្របតាមអាណត្តិ និងអាទិភាពគោលនយោបាយ',
   'SNAs have predictable and adequate budget resources aligned with their mandates and policy priorities',
   'NP-2 (2021-2030), Component 4, expected outcome'),
  ('C5', 'C5.O1',
   'យន្តការ នីតិវិធី និងស្តង់ដារនៃការផ្ដល់សេវាសាធារណៈ និងការអភិវឌ្ឍមូលដ្ឋានត្រូវបានអនុវត្តប្រកបដោយប្រសិទ្ធភាព តម្លាភាព គណនេយ្យភាព សមធម៌ និងបរិយាប័ន្ន',
   'Mechanisms, procedures and standards for public services and local development are implemented effectively, transparently, accountably, equitably and inclusively',
   'NP-2 (2021-2030), Component 5, expected outcome')
) as o (component, code, name_km, name_en, source)
join results_framework_element c on c.framework_code = 'np2' and c.code = o.component;
